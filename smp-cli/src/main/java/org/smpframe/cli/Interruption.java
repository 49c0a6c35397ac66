package org.smpframe.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.smpframe.api.StopRequest;

/**
 * Ctrl-C and SIGTERM: the running fit stops at the end of its current round, the command writes what it has
 * (each file atomically, as always), then the process exits with the signal's status (130 for Ctrl-C, 143 for
 * SIGTERM). A day of compute is not lost to a stray Ctrl-C. If writing takes longer than {@link #GRACE_SECONDS},
 * the process exits anyway, and the files are either complete or absent.
 */
final class Interruption {
    static final long GRACE_SECONDS = 120;

    private static final CountDownLatch FINISHED = new CountDownLatch(1);

    private Interruption() {
    }

    /** Installs the handler; the command must call {@link #finished} once it has written its outputs. */
    static void install(PrintStream err) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (FINISHED.getCount() == 0) {
                return; // a normal exit
            }
            StopRequest.request();
            err.println("smp: stopping at the end of the current round; writing the results so far");
            awaitFinished(GRACE_SECONDS);
        }, "smp-stop"));
    }

    static void finished() {
        FINISHED.countDown();
    }

    /** Waits until the command has written its outputs, at most {@code seconds}; true if it has. */
    static boolean awaitFinished(long seconds) {
        try {
            return FINISHED.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
