package org.smpframe.mf;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * The partial and commit of the rotation program: how many ratings a round visited. Under the rotation the
 * model moves with the blocks and stays on the workers, so nothing else needs to pass through the aggregator.
 */
public record RatingCount(long ratings) {
    public static final int FORMAT_VERSION = 1;

    public static final WireFormat<RatingCount> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(RatingCount c) {
            return 12;
        }

        @Override
        public void write(RatingCount c, ByteBuffer out) {
            out.putInt(FORMAT_VERSION);
            out.putLong(c.ratings);
        }

        @Override
        public RatingCount read(ByteBuffer in) {
            Wire.expectVersion(in, FORMAT_VERSION, "RatingCount");
            return new RatingCount(in.getLong());
        }
    };
}
