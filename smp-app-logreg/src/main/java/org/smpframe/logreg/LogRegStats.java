package org.smpframe.logreg;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * A worker's statistics for evaluation, from margins recomputed exactly from the committed w.
 *
 * @param loss     Σ_i log(1 + exp(−y_i m_i)) over the shard
 * @param gradient Σ_i −y_i x_ij σ(−y_i m_i) for every parameter j
 */
public record LogRegStats(double loss, double[] gradient) {
    static final int VERSION = 1;

    /** Layout: int version, double loss, double[] gradient. */
    public static final WireFormat<LogRegStats> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(LogRegStats v) {
            return 4 + 8 + Wire.doubleArraySize(v.gradient);
        }

        @Override
        public void write(LogRegStats v, ByteBuffer out) {
            out.putInt(VERSION);
            out.putDouble(v.loss);
            Wire.putDoubleArray(out, v.gradient);
        }

        @Override
        public LogRegStats read(ByteBuffer in) {
            Wire.expectVersion(in, VERSION, "LogRegStats");
            return new LogRegStats(in.getDouble(), Wire.getDoubleArray(in));
        }
    };
}
