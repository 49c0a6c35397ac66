package org.smpframe.logreg;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * A worker's push, sums over its rows. Which parts are filled depends on the phase (see
 * {@link LogRegAggregator}); an empty array means "not in this push".
 *
 * @param modelGradient  Σ_i x_ij D_i Δ_i for each scheduled coordinate j (schedule order): the part of the
 *                       quadratic model's gradient that the inner direction Δ = X·d has changed
 * @param outerGradient  Σ_i −y_i x_ij s_i for every parameter, at a new outer iterate (else empty)
 * @param outerCurvature Σ_i x_ij² D_i for every parameter, with D_i = s_i (1 − s_i) (else empty)
 * @param modelQuadratic Σ_i D_i Δ_i² over the shard after the last commit: with G·d and the penalty, which the
 *                       aggregator knows, the exact value of the inner model q(d)
 * @param lineSearch     for the direction d of the outer iteration: Σ_i [ℓ_i(m_i + αΔ_i) − ℓ_i(m_i)] for
 *                       α = 1, ½, ¼ ({@link #EXACT_STEPS}), then Σ_i ℓ_i'(m_i) Δ_i and Σ_i Δ_i² (else empty)
 */
public record LogRegPartial(double[] modelGradient, double[] outerGradient, double[] outerCurvature,
                            double modelQuadratic, double[] lineSearch) {
    static final int VERSION = 2;
    /** Length of a filled {@link #lineSearch}. */
    static final int LINE_SEARCH_SUMS = 5;
    /** The steps whose loss change is summed exactly, in {@link #lineSearch} order. */
    static final double[] EXACT_STEPS = {1.0, 0.5, 0.25};
    static final double[] NONE = new double[0];

    /** Layout: int version, double[] modelGradient, outerGradient, outerCurvature, double modelQuadratic, double[] lineSearch. */
    public static final WireFormat<LogRegPartial> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(LogRegPartial v) {
            return 4 + Wire.doubleArraySize(v.modelGradient) + Wire.doubleArraySize(v.outerGradient)
                    + Wire.doubleArraySize(v.outerCurvature) + 8 + Wire.doubleArraySize(v.lineSearch);
        }

        @Override
        public void write(LogRegPartial v, ByteBuffer out) {
            out.putInt(VERSION);
            Wire.putDoubleArray(out, v.modelGradient);
            Wire.putDoubleArray(out, v.outerGradient);
            Wire.putDoubleArray(out, v.outerCurvature);
            out.putDouble(v.modelQuadratic);
            Wire.putDoubleArray(out, v.lineSearch);
        }

        @Override
        public LogRegPartial read(ByteBuffer in) {
            Wire.expectVersion(in, VERSION, "LogRegPartial");
            return new LogRegPartial(Wire.getDoubleArray(in), Wire.getDoubleArray(in), Wire.getDoubleArray(in),
                    in.getDouble(), Wire.getDoubleArray(in));
        }
    };
}
