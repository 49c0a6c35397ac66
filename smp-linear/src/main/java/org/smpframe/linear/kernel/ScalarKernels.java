package org.smpframe.linear.kernel;

/**
 * The kernels in plain Java, for a JVM without the vector module: written so that HotSpot's C2 compiles them to
 * the fastest scalar code it can.
 *
 * <p>A dot product is a reduction, which C2 (up to Java 25 at least) does not vectorize for doubles; eight
 * independent accumulators let the loads and multiply-adds of eight elements overlap instead, about 2.2x the speed
 * of the plain loop on the benchmark machine (64 ns for n = 200 against 138 ns; AVX-512 BLAS: 22 ns), where the
 * two loads per element are the limit. Axpy is vectorized by C2 when both arrays are indexed alike (a column as its
 * own array, not a slice at an offset of a larger one, whose possible overlap with the target blocks
 * vectorization): 25 ns for n = 200.
 */
final class ScalarKernels implements Kernels {

    /** Σ_{i < n} a[i]·b[i]. */
    @Override
    public double dot(double[] a, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
            s4 += a[i + 4] * b[i + 4];
            s5 += a[i + 5] * b[i + 5];
            s6 += a[i + 6] * b[i + 6];
            s7 += a[i + 7] * b[i + 7];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * Both Σ a[i]·b[i] and Σ a[i]·c[i] in one pass over {@code a}: when a is a column streamed from memory, the
     * second product costs next to nothing. Returned in {@code out[0]} and {@code out[1]}.
     */
    @Override
    public void dot2(double[] a, double[] b, double[] c, int n, double[] out) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double a0 = a[i];
            double a1 = a[i + 1];
            double a2 = a[i + 2];
            double a3 = a[i + 3];
            s0 += a0 * b[i];
            s1 += a1 * b[i + 1];
            s2 += a2 * b[i + 2];
            s3 += a3 * b[i + 3];
            t0 += a0 * c[i];
            t1 += a1 * c[i + 1];
            t2 += a2 * c[i + 2];
            t3 += a3 * c[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
            t0 += a[i] * c[i];
        }
        out[0] = (s0 + s1) + (s2 + s3);
        out[1] = (t0 + t1) + (t2 + t3);
    }

    /** y[i] += s·x[i] for i &lt; n. */
    @Override
    public void axpy(double s, double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += s * x[i];
        }
    }

    /** Σ_{i < n} a[i]². */
    @Override
    public double squaredNorm(double[] a, int n) {
        return dot(a, a, n);
    }

    /** Σ_{i < n} (a[i] − b[i])². */
    @Override
    public double squaredDistance(double[] a, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double d0 = a[i] - b[i];
            double d1 = a[i + 1] - b[i + 1];
            double d2 = a[i + 2] - b[i + 2];
            double d3 = a[i + 3] - b[i + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < n; i++) {
            double d = a[i] - b[i];
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ_{i < n} a[i]. */
    @Override
    public double sum(double[] a, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public double weightedSquaredNorm(double[] x, double[] w, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += w[i] * x[i] * x[i];
            s1 += w[i + 1] * x[i + 1] * x[i + 1];
            s2 += w[i + 2] * x[i + 2] * x[i + 2];
            s3 += w[i + 3] * x[i + 3] * x[i + 3];
        }
        for (; i < n; i++) {
            s0 += w[i] * x[i] * x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpyProduct(double s, double[] x, double[] w, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += s * x[i] * w[i];
        }
    }
}
