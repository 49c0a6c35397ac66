package org.smpframe.mf;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * One worker's user factors, gathered when a run ends: users {@code firstUser .. firstUser + count - 1},
 * column-major ({@code w[c * count + i]}).
 */
public record UserFactors(int firstUser, int count, int columns, double[] w) {
    public static final int FORMAT_VERSION = 1;

    public static final WireFormat<UserFactors> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(UserFactors f) {
            return 4 * 4 + Wire.doubleArraySize(f.w);
        }

        @Override
        public void write(UserFactors f, ByteBuffer out) {
            out.putInt(FORMAT_VERSION);
            out.putInt(f.firstUser).putInt(f.count).putInt(f.columns);
            Wire.putDoubleArray(out, f.w);
        }

        @Override
        public UserFactors read(ByteBuffer in) {
            Wire.expectVersion(in, FORMAT_VERSION, "UserFactors");
            return new UserFactors(in.getInt(), in.getInt(), in.getInt(), Wire.getDoubleArray(in));
        }
    };
}
