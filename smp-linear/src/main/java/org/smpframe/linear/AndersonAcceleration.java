package org.smpframe.linear;

import org.smpframe.linear.kernel.DenseKernels;

/**
 * Anderson acceleration of coordinate descent on a working set (Bertrand and Massias, "Anderson acceleration of
 * coordinate descent", AISTATS 2021): the coefficients β_1 … β_{K+1} of the last K + 1 sweeps over the same
 * coordinates converge about linearly, and the affine combination Σ c_k β_k (Σ c_k = 1) that minimizes
 * ‖Σ c_k (β_{k+1} − β_k)‖ predicts their limit. The residual is affine in β, so the same combination of the
 * sweeps' residuals is the extrapolated point's residual, exactly, at no pass over the data. The caller keeps the
 * point only if it lowers the objective, so the acceleration never slows coordinate descent down by more than
 * its bookkeeping, and on the ill-conditioned problems where coordinate descent crawls (strongly correlated
 * columns) it cuts the sweeps several times.
 */
public final class AndersonAcceleration {
    /** K: sweeps between extrapolations, as in the paper. */
    public static final int DEPTH = 5;

    private final int n;
    private int[] share = new int[0];
    private int size = -1;
    private final double[][] betas = new double[DEPTH + 1][];
    private final double[][] residuals = new double[DEPTH + 1][];
    private int recorded;
    private final double[][] gram = new double[DEPTH][DEPTH + 1];
    private double[] extrapolatedBeta = new double[0];
    private final double[] extrapolatedResidual;

    public AndersonAcceleration(int n) {
        this.n = n;
        for (int k = 0; k <= DEPTH; k++) {
            residuals[k] = new double[n];
        }
        this.extrapolatedResidual = new double[n];
    }

    /**
     * Starts over unless the coordinates {@code local[from .. to)} are the ones recorded so far: a working set
     * keeps its history from round to round, a new one starts afresh.
     */
    public void use(int[] local, int from, int to) {
        int m = to - from;
        boolean same = m == size;
        for (int i = 0; same && i < m; i++) {
            same = share[i] == local[from + i];
        }
        if (same) {
            return;
        }
        if (share.length < m) {
            share = new int[m];
            for (int k = 0; k <= DEPTH; k++) {
                betas[k] = new double[m];
            }
            extrapolatedBeta = new double[m];
        }
        System.arraycopy(local, from, share, 0, m);
        size = m;
        recorded = 0;
    }

    /** Forgets the history (the point moved by something else than these sweeps). */
    public void clear() {
        recorded = 0;
    }

    /** Records the state after a sweep: β over the share (β indexed by local column) and r = raw + offset. */
    public void record(double[] beta, double[] raw, double offset) {
        int slot = recorded % (DEPTH + 1);
        double[] b = betas[slot];
        for (int i = 0; i < size; i++) {
            b[i] = beta[share[i]];
        }
        double[] r = residuals[slot];
        for (int i = 0; i < n; i++) {
            r[i] = raw[i] + offset;
        }
        recorded++;
    }

    /** Whether K + 1 sweeps are recorded: time to {@link #extrapolate}. */
    public boolean ready() {
        return recorded >= DEPTH + 1;
    }

    /**
     * Computes the extrapolated point from the last K + 1 records, into {@link #beta()} (by share position) and
     * {@link #residual()}, and starts a new history. False when the records are degenerate (converged).
     */
    public boolean extrapolate() {
        if (!ready()) {
            return false;
        }
        int first = recorded - (DEPTH + 1);
        recorded = 0;
        double trace = 0;
        double[][] diff = new double[DEPTH][];
        for (int k = 0; k < DEPTH; k++) {
            double[] a = betas[(first + k) % (DEPTH + 1)];
            double[] b = betas[(first + k + 1) % (DEPTH + 1)];
            double[] d = new double[size];
            for (int i = 0; i < size; i++) {
                d[i] = b[i] - a[i];
            }
            diff[k] = d;
        }
        for (int a = 0; a < DEPTH; a++) {
            for (int b = a; b < DEPTH; b++) {
                double v = DenseKernels.dot(diff[a], diff[b], size);
                gram[a][b] = v;
                gram[b][a] = v;
            }
            trace += gram[a][a];
            gram[a][DEPTH] = 1.0;
        }
        if (!(trace > 0)) {
            return false;
        }
        double[] z = LinearSystems.solveWithRidge(gram, DEPTH, 1e-10 * trace);
        if (z == null) {
            return false;
        }
        double total = 0;
        for (double v : z) {
            total += v;
        }
        if (!(Math.abs(total) > 0) || !Double.isFinite(total)) {
            return false;
        }
        java.util.Arrays.fill(extrapolatedBeta, 0, size, 0.0);
        java.util.Arrays.fill(extrapolatedResidual, 0.0);
        for (int k = 0; k < DEPTH; k++) {
            double c = z[k] / total;
            int slot = (first + k + 1) % (DEPTH + 1);
            DenseKernels.axpy(c, betas[slot], extrapolatedBeta, size);
            DenseKernels.axpy(c, residuals[slot], extrapolatedResidual, n);
        }
        return true;
    }

    /** The extrapolated coefficients, by position in the share (valid after {@link #extrapolate}). */
    public double[] beta() {
        return extrapolatedBeta;
    }

    /** The extrapolated point's residual (valid after {@link #extrapolate}). */
    public double[] residual() {
        return extrapolatedResidual;
    }

    /** The local column at position i of the share. */
    public int column(int i) {
        return share[i];
    }

    public int size() {
        return Math.max(0, size);
    }
}
