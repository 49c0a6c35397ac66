package org.smpframe.lasso;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * One shard's contribution to the objective and the duality gap.
 *
 * @param residualSquares Σ r_i² over the shard
 * @param residualDotY    Σ r_i ỹ_i over the shard
 * @param gradient        Σ_{i ∈ shard} x̃_ij r_i for every coordinate j (length p)
 */
public record LassoStats(double residualSquares, double residualDotY, double[] gradient) {
    static final int VERSION = 1;

    /** Layout: int version, double residualSquares, double residualDotY, double[] gradient. */
    public static final WireFormat<LassoStats> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(LassoStats v) {
            return 4 + 16 + Wire.doubleArraySize(v.gradient);
        }

        @Override
        public void write(LassoStats v, ByteBuffer out) {
            out.putInt(VERSION);
            out.putDouble(v.residualSquares);
            out.putDouble(v.residualDotY);
            Wire.putDoubleArray(out, v.gradient);
        }

        @Override
        public LassoStats read(ByteBuffer in) {
            Wire.expectVersion(in, VERSION, "LassoStats");
            return new LassoStats(in.getDouble(), in.getDouble(), Wire.getDoubleArray(in));
        }
    };
}
