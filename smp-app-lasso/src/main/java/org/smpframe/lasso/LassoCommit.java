package org.smpframe.lasso;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * The aggregator's commit: the coordinates that moved and by how much. Workers apply
 * r ← r − Σ_j x_j Δβ_j + shift, where shift = Σ_j μ_j Δβ_j re-centres the residual (0 without intercept).
 *
 * @param params coordinates whose value changed
 * @param deltas Δβ_j, aligned with params
 * @param shift  Σ_j μ_j Δβ_j
 */
public record LassoCommit(int[] params, double[] deltas, double shift) {
    static final int VERSION = 1;

    /** Layout: int version, int[] params, double[] deltas, double shift. */
    public static final WireFormat<LassoCommit> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(LassoCommit v) {
            return 4 + Wire.intArraySize(v.params) + Wire.doubleArraySize(v.deltas) + 8;
        }

        @Override
        public void write(LassoCommit v, ByteBuffer out) {
            out.putInt(VERSION);
            Wire.putIntArray(out, v.params);
            Wire.putDoubleArray(out, v.deltas);
            out.putDouble(v.shift);
        }

        @Override
        public LassoCommit read(ByteBuffer in) {
            Wire.expectVersion(in, VERSION, "LassoCommit");
            return new LassoCommit(Wire.getIntArray(in), Wire.getDoubleArray(in), in.getDouble());
        }
    };
}
