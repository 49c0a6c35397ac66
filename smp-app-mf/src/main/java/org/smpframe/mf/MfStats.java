package org.smpframe.mf;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * One worker's share of the objective, as of the end of outer iteration {@code iteration}: squared errors and
 * counts on training and test ratings, and the penalty sums Σ cᵢ‖wᵢ‖² of its users and Σ cⱼ‖hⱼ‖² of the item
 * blocks it was the one to measure (each block is measured by exactly one worker).
 */
public record MfStats(long iteration, double trainSse, long trainCount, double testSse, long testCount,
                      double userPenalty, double itemPenalty) {
    public static final int FORMAT_VERSION = 1;

    static final MfStats NONE = new MfStats(0, 0, 0, 0, 0, 0, 0);

    public static final WireFormat<MfStats> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(MfStats s) {
            return 4 + 8 * 7;
        }

        @Override
        public void write(MfStats s, ByteBuffer out) {
            out.putInt(FORMAT_VERSION);
            out.putLong(s.iteration).putDouble(s.trainSse).putLong(s.trainCount).putDouble(s.testSse)
                    .putLong(s.testCount).putDouble(s.userPenalty).putDouble(s.itemPenalty);
        }

        @Override
        public MfStats read(ByteBuffer in) {
            Wire.expectVersion(in, FORMAT_VERSION, "MfStats");
            return new MfStats(in.getLong(), in.getDouble(), in.getLong(), in.getDouble(), in.getLong(),
                    in.getDouble(), in.getDouble());
        }
    };
}
