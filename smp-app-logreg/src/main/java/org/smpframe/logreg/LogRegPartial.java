package org.smpframe.logreg;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * A worker's push, sums over its rows (s_i = σ(−y_i m_i), m_i = x_i·w):
 *
 * @param gradient  Σ_i −y_i x_ij s_i for each scheduled coordinate j, in schedule order
 * @param curvature Σ_i x_ij² s_i (1 − s_i), aligned with gradient
 * @param trialLoss for the trial direction d of the last commit, with Δm_i = Σ_j x_ij d_j over the shard's rows:
 *                  {Σ_i [ℓ_i(m_i + αΔm_i) − ℓ_i(m_i)] for α = 1, ½, ¼, Σ_i ℓ_i'(m_i) Δm_i, Σ_i Δm_i²} (the exact
 *                  loss changes, and what a quadratic bound on shorter steps needs); all zero without a trial
 */
public record LogRegPartial(double[] gradient, double[] curvature, double[] trialLoss) {
    static final int VERSION = 1;
    /** Length of {@link #trialLoss}. */
    static final int TRIAL_SUMS = 5;
    /** The steps whose loss change is summed exactly, in {@link #trialLoss} order. */
    static final double[] EXACT_STEPS = {1.0, 0.5, 0.25};

    /** Layout: int version, double[] gradient, double[] curvature, double[] trialLoss. */
    public static final WireFormat<LogRegPartial> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(LogRegPartial v) {
            return 4 + Wire.doubleArraySize(v.gradient) + Wire.doubleArraySize(v.curvature)
                    + Wire.doubleArraySize(v.trialLoss);
        }

        @Override
        public void write(LogRegPartial v, ByteBuffer out) {
            out.putInt(VERSION);
            Wire.putDoubleArray(out, v.gradient);
            Wire.putDoubleArray(out, v.curvature);
            Wire.putDoubleArray(out, v.trialLoss);
        }

        @Override
        public LogRegPartial read(ByteBuffer in) {
            Wire.expectVersion(in, VERSION, "LogRegPartial");
            return new LogRegPartial(Wire.getDoubleArray(in), Wire.getDoubleArray(in), Wire.getDoubleArray(in));
        }
    };
}
