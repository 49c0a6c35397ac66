package org.smpframe.linear.kernel;

/**
 * The dense vector kernels of coordinate descent, over whole arrays of length n. {@link DenseKernels} picks the
 * implementation once: the vector API's where the JVM has it, plain Java elsewhere.
 */
interface Kernels {
    /** Σ_{i < n} a[i]·b[i]. */
    double dot(double[] a, double[] b, int n);

    /** Σ a[i]·b[i] into out[0] and Σ a[i]·c[i] into out[1], in one pass over a. */
    void dot2(double[] a, double[] b, double[] c, int n, double[] out);

    /** y[i] += s·x[i] for i &lt; n. */
    void axpy(double s, double[] x, double[] y, int n);

    /** Σ_{i < n} a[i]². */
    double squaredNorm(double[] a, int n);

    /** Σ_{i < n} (a[i] − b[i])². */
    double squaredDistance(double[] a, double[] b, int n);

    /** Σ_{i < n} a[i]. */
    double sum(double[] a, int n);

    /** Σ_{i < n} w[i]·x[i]². */
    double weightedSquaredNorm(double[] x, double[] w, int n);

    /** y[i] += s·w[i]·x[i] for i &lt; n. */
    void axpyProduct(double s, double[] x, double[] w, double[] y, int n);
}
