package org.smpframe.api;

/**
 * The random numbers of {@link java.util.SplittableRandom} (SplitMix64 with the golden-ratio gamma, the same
 * sequence for the same seed, checked by a test), with a state that can be read and restored: what a checkpoint of
 * a sampler or a randomized scheduler has to save, and {@code SplittableRandom} does not expose.
 *
 * <p>Not thread-safe; one per thread, as SplittableRandom.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    /** The sequence of {@code new SplittableRandom(seed)}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** A generator that continues from {@code state}, as returned by {@link #state()}. */
    public static SplitMix64 resume(long state) {
        return new SplitMix64(state);
    }

    /** Everything needed to continue the sequence from here. */
    public long state() {
        return state;
    }

    public long nextLong() {
        return mix64(state += GOLDEN_GAMMA);
    }

    public int nextInt() {
        return mix32(state += GOLDEN_GAMMA);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
        return (mix64(state += GOLDEN_GAMMA) >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [0, bound), without bias (rejection as in the JDK's bounded draws). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m; // a power of two
        }
        // Reject the candidates that would over-represent the low values.
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
            // draw again
        }
        return r;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
