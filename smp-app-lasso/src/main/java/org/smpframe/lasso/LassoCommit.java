package org.smpframe.lasso;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * The aggregator's commit: the coordinates that moved, by how much and to what. Workers apply
 * r ← r − Σ_j x_j Δβ_j + shift, where shift = Σ_j μ_j Δβ_j re-centres the residual (0 without intercept), and
 * take the new values as they are: β_old + Δβ need not round to the aggregator's β, and a worker's β must be the
 * aggregator's bit for bit, since its residual is recomputed from it (and a resumed run rebuilds it from the
 * aggregator's).
 *
 * @param params coordinates whose value changed
 * @param deltas Δβ_j, aligned with params
 * @param values the new β_j, aligned with params
 * @param shift  Σ_j μ_j Δβ_j
 */
public record LassoCommit(int[] params, double[] deltas, double[] values, double shift) {
    static final int VERSION = 2;

    /** Layout: int version, int[] params, double[] deltas, double[] values, double shift. */
    public static final WireFormat<LassoCommit> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(LassoCommit v) {
            return 4 + Wire.intArraySize(v.params) + Wire.doubleArraySize(v.deltas) + Wire.doubleArraySize(v.values) + 8;
        }

        @Override
        public void write(LassoCommit v, ByteBuffer out) {
            out.putInt(VERSION);
            Wire.putIntArray(out, v.params);
            Wire.putDoubleArray(out, v.deltas);
            Wire.putDoubleArray(out, v.values);
            out.putDouble(v.shift);
        }

        @Override
        public LassoCommit read(ByteBuffer in) {
            Wire.expectVersion(in, VERSION, "LassoCommit");
            return new LassoCommit(Wire.getIntArray(in), Wire.getDoubleArray(in), Wire.getDoubleArray(in), in.getDouble());
        }
    };
}
