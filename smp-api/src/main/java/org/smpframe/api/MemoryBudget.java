package org.smpframe.api;

import java.util.Locale;

/**
 * Refuses, before the big allocations, a run whose estimated memory does not fit the heap: a clear message
 * naming the heap to give, instead of an OutOfMemoryError minutes into loading or sampling.
 */
public final class MemoryBudget {
    /** Headroom over the estimate for what the estimate leaves out (the JVM, temporaries, fragmentation). */
    static final double HEADROOM = 1.25;

    private MemoryBudget() {
    }

    /**
     * Checks that {@code bytes} (an estimate of what {@code what} will allocate) fits in the heap that is left.
     *
     * @throws InsufficientMemoryException naming the estimate and the -Xmx to use
     */
    public static void require(long bytes, String what) {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long available = rt.maxMemory() - used;
        if (bytes * HEADROOM > available) {
            // What looks used may be garbage (the reader's buffers, say): collect once before refusing.
            System.gc();
            used = rt.totalMemory() - rt.freeMemory();
            available = rt.maxMemory() - used;
        }
        if (bytes * HEADROOM > available) {
            long suggestMb = (long) Math.ceil((used + bytes * HEADROOM * 1.5) / (1 << 20));
            throw new InsufficientMemoryException(String.format(Locale.ROOT,
                    "%s needs about %d MB, and only %d MB of the %d MB heap are free; give Java more memory"
                            + " (e.g. SMP_JAVA_OPTS=-Xmx%dm ./smp ..., or java -Xmx%dm -jar smp.jar ...)",
                    what, bytes >> 20, available >> 20, rt.maxMemory() >> 20, suggestMb, suggestMb));
        }
    }

    /** The estimate exceeds the heap; the message says how much to give. */
    public static final class InsufficientMemoryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InsufficientMemoryException(String message) {
            super(message);
        }
    }
}
