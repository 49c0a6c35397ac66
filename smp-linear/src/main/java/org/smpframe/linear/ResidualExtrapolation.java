package org.smpframe.linear;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.smpframe.linear.kernel.DenseKernels;

/**
 * Dual extrapolation for the duality gap of coordinate descent (Massias, Gramfort and Salmon, "Celer", ICML 2018;
 * Anderson acceleration): the residuals r_1 … r_K of the last K rounds converge about linearly, and the affine
 * combination Σ c_k r_k with Σ c_k = 1 that minimizes ‖Σ c_k (r_{k+1} − r_k)‖ predicts their limit far better than
 * the last one does. A dual point built from that prediction gives a duality gap close to the true suboptimality,
 * where the last residual's gap can stay orders of magnitude above it on an ill-conditioned problem, so a fit
 * can stop as soon as it is accurate instead of long after.
 */
public final class ResidualExtrapolation {
    /** Residuals kept: K = 5, as Celer. */
    public static final int DEPTH = 5;

    private final int n;
    private final double[][] ring = new double[DEPTH][];
    private int recorded; // since the last clear
    private final double[][] diffs = new double[DEPTH - 1][];
    private final double[] extrapolated;
    private final double[][] gram = new double[DEPTH - 1][DEPTH];

    public ResidualExtrapolation(int n) {
        this.n = n;
        for (int k = 0; k < DEPTH; k++) {
            ring[k] = new double[n];
        }
        for (int k = 0; k < DEPTH - 1; k++) {
            diffs[k] = new double[n];
        }
        this.extrapolated = new double[n];
    }

    /** Keeps r = raw + offset as the newest residual. */
    public void record(double[] raw, double offset) {
        double[] slot = ring[recorded % DEPTH];
        for (int i = 0; i < n; i++) {
            slot[i] = raw[i] + offset;
        }
        recorded++;
    }

    /** Forgets every residual (the problem changed). */
    public void clear() {
        recorded = 0;
    }

    /**
     * The extrapolated residual, or null when fewer than {@link #DEPTH} residuals were recorded since the last
     * clear or the combination is degenerate (the residuals stopped moving). The array is reused.
     */
    public double[] extrapolate() {
        if (recorded < DEPTH) {
            return null;
        }
        int m = DEPTH - 1;
        // Oldest first: ring[(recorded + k) % DEPTH] for k = 0 .. DEPTH − 1.
        for (int k = 0; k < m; k++) {
            double[] a = ring[(recorded + k) % DEPTH];
            double[] b = ring[(recorded + k + 1) % DEPTH];
            double[] d = diffs[k];
            for (int i = 0; i < n; i++) {
                d[i] = b[i] - a[i];
            }
        }
        double trace = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                double v = DenseKernels.dot(diffs[a], diffs[b], n);
                gram[a][b] = v;
                gram[b][a] = v;
            }
            trace += gram[a][a];
            gram[a][m] = 1.0;
        }
        if (!(trace > 0)) {
            return null;
        }
        double[] z = LinearSystems.solveWithRidge(gram, m, 1e-12 * trace);
        if (z == null) {
            return null;
        }
        double total = 0;
        for (double v : z) {
            total += v;
        }
        if (!(Math.abs(total) > 0) || !Double.isFinite(total)) {
            return null;
        }
        java.util.Arrays.fill(extrapolated, 0.0);
        for (int k = 0; k < m; k++) {
            double c = z[k] / total;
            DenseKernels.axpy(c, ring[(recorded + k + 1) % DEPTH], extrapolated, n);
        }
        return extrapolated;
    }

    public void save(DataOutput out) throws IOException {
        out.writeInt(recorded);
        int kept = Math.min(recorded, DEPTH);
        for (int k = 0; k < kept; k++) {
            double[] r = ring[(recorded - kept + k) % DEPTH];
            for (int i = 0; i < n; i++) {
                out.writeDouble(r[i]);
            }
        }
    }

    public void restore(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("a residual history of " + count + " entries");
        }
        int kept = Math.min(count, DEPTH);
        recorded = count;
        for (int k = 0; k < kept; k++) {
            double[] r = ring[(count - kept + k) % DEPTH];
            for (int i = 0; i < n; i++) {
                r[i] = in.readDouble();
            }
        }
    }
}
