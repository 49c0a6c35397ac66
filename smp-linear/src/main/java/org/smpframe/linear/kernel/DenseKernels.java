package org.smpframe.linear.kernel;

/**
 * The dense vector kernels of coordinate descent: dot products and axpy over whole arrays of length n, the
 * updates' whole cost on dense data.
 *
 * <p>Where the JVM was started with the JDK's vector module ({@code --add-modules jdk.incubator.vector}, which
 * the {@code smp} launcher and the build's tests pass), they run on it ({@link VectorKernels}: three times the
 * speed of the best scalar loop for a dot product); elsewhere in plain Java ({@link ScalarKernels}), so that the
 * library runs on any JVM without flags. The choice is made once, when the class is loaded, and logged by
 * {@link #implementation()}; {@code -Dsmp.kernels=scalar} forces the plain one. The two differ by rounding only.
 */
public final class DenseKernels {
    private static final Kernels IMPL = choose();

    private DenseKernels() {
    }

    private static Kernels choose() {
        if (!"scalar".equals(System.getProperty("smp.kernels"))
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                Kernels vector = (Kernels) Class.forName("org.smpframe.linear.kernel.VectorKernels")
                        .getDeclaredConstructor().newInstance();
                double[] probe = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
                if (vector.dot(probe, probe, probe.length) == 1785.0) {
                    return vector;
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // The module is there but does not work here: fall back to plain Java.
            }
        }
        return new ScalarKernels();
    }

    /** "vector" or "scalar": which implementation this JVM runs. */
    public static String implementation() {
        return IMPL instanceof ScalarKernels ? "scalar" : "vector";
    }

    /** Σ_{i < n} a[i]·b[i]. */
    public static double dot(double[] a, double[] b, int n) {
        return IMPL.dot(a, b, n);
    }

    /**
     * Both Σ a[i]·b[i] and Σ a[i]·c[i] in one pass over {@code a}: when a is a column streamed from memory, the
     * second product costs next to nothing. Returned in {@code out[0]} and {@code out[1]}.
     */
    public static void dot2(double[] a, double[] b, double[] c, int n, double[] out) {
        IMPL.dot2(a, b, c, n, out);
    }

    /** y[i] += s·x[i] for i &lt; n. */
    public static void axpy(double s, double[] x, double[] y, int n) {
        IMPL.axpy(s, x, y, n);
    }

    /** Σ_{i < n} a[i]². */
    public static double squaredNorm(double[] a, int n) {
        return IMPL.squaredNorm(a, n);
    }

    /** Σ_{i < n} (a[i] − b[i])². */
    public static double squaredDistance(double[] a, double[] b, int n) {
        return IMPL.squaredDistance(a, b, n);
    }

    /** Σ_{i < n} a[i]. */
    public static double sum(double[] a, int n) {
        return IMPL.sum(a, n);
    }

    /** Σ_{i < n} w[i]·x[i]². */
    public static double weightedSquaredNorm(double[] x, double[] w, int n) {
        return IMPL.weightedSquaredNorm(x, w, n);
    }

    /** y[i] += s·w[i]·x[i] for i &lt; n. */
    public static void axpyProduct(double s, double[] x, double[] w, double[] y, int n) {
        IMPL.axpyProduct(s, x, w, y, n);
    }
}
