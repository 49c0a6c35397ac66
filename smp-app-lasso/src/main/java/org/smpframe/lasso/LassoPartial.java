package org.smpframe.lasso;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * A worker's push: g_j^p = Σ_{i ∈ shard} x̃_ij r_i for each scheduled coordinate, in schedule order.
 *
 * @param gradient one partial inner product per scheduled coordinate
 */
public record LassoPartial(double[] gradient) {
    static final int VERSION = 1;

    /** Layout: int version, double[] gradient. */
    public static final WireFormat<LassoPartial> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(LassoPartial v) {
            return 4 + Wire.doubleArraySize(v.gradient);
        }

        @Override
        public void write(LassoPartial v, ByteBuffer out) {
            out.putInt(VERSION);
            Wire.putDoubleArray(out, v.gradient);
        }

        @Override
        public LassoPartial read(ByteBuffer in) {
            Wire.expectVersion(in, VERSION, "LassoPartial");
            return new LassoPartial(Wire.getDoubleArray(in));
        }
    };
}
