package org.smpframe.logreg;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * The aggregator's commit: the step α chosen by the line search for the previous trial direction (committing
 * w += α·d for it), and the next trial direction. Workers apply both to their margins (see {@link LogRegWorker}).
 *
 * @param previousStep    α for the previous trial, 0 when it was rejected (ignored when there was none)
 * @param trialParams     coordinates of the proposed direction (not yet committed)
 * @param trialDirections the proximal Newton direction d_j, aligned with trialParams
 */
public record LogRegCommit(double previousStep, int[] trialParams, double[] trialDirections) {
    static final int VERSION = 2;

    /** Layout: int version, double previousStep, int[] trialParams, double[] trialDirections. */
    public static final WireFormat<LogRegCommit> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(LogRegCommit v) {
            return 4 + 8 + Wire.intArraySize(v.trialParams) + Wire.doubleArraySize(v.trialDirections);
        }

        @Override
        public void write(LogRegCommit v, ByteBuffer out) {
            out.putInt(VERSION);
            out.putDouble(v.previousStep);
            Wire.putIntArray(out, v.trialParams);
            Wire.putDoubleArray(out, v.trialDirections);
        }

        @Override
        public LogRegCommit read(ByteBuffer in) {
            Wire.expectVersion(in, VERSION, "LogRegCommit");
            return new LogRegCommit(in.getDouble(), Wire.getIntArray(in), Wire.getDoubleArray(in));
        }
    };
}
