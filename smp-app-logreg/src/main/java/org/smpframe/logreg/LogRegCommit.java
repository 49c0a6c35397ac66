package org.smpframe.logreg;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormatException;
import org.smpframe.api.WireFormat;

/**
 * The aggregator's commit, one of three kinds (see {@link LogRegAggregator}):
 * <ul>
 *   <li>{@link #INNER}: the inner direction moved, d_j += δ_j for {@code params}/{@code deltas}; workers update
 *       Δ = X·d for their rows;</li>
 *   <li>{@link #LINE_SEARCH}: the inner phase is over after this last move of d (params/deltas as for INNER);
 *       workers sum the loss along d for the next push;</li>
 *   <li>{@link #OUTER_STEP}: w += α·d with α = {@code step} (0 when the line search rejected d); workers move
 *       their margins, start a new outer iteration with d = 0 and push its gradient and curvature.</li>
 * </ul>
 *
 * @param kind   INNER, LINE_SEARCH or OUTER_STEP
 * @param params coordinates of an INNER or LINE_SEARCH commit (empty otherwise)
 * @param deltas δ_j, aligned with params
 * @param step   α of an OUTER_STEP commit (0 otherwise)
 */
public record LogRegCommit(int kind, int[] params, double[] deltas, double step) {
    public static final int INNER = 0;
    public static final int LINE_SEARCH = 1;
    public static final int OUTER_STEP = 2;
    static final int VERSION = 3;

    static LogRegCommit inner(int[] params, double[] deltas) {
        return new LogRegCommit(INNER, params, deltas, 0.0);
    }

    static LogRegCommit lineSearch(int[] params, double[] deltas) {
        return new LogRegCommit(LINE_SEARCH, params, deltas, 0.0);
    }

    static LogRegCommit outerStep(double alpha) {
        return new LogRegCommit(OUTER_STEP, new int[0], new double[0], alpha);
    }

    /** Layout: int version, int kind, int[] params, double[] deltas, double step. */
    public static final WireFormat<LogRegCommit> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(LogRegCommit v) {
            return 4 + 4 + Wire.intArraySize(v.params) + Wire.doubleArraySize(v.deltas) + 8;
        }

        @Override
        public void write(LogRegCommit v, ByteBuffer out) {
            out.putInt(VERSION);
            out.putInt(v.kind);
            Wire.putIntArray(out, v.params);
            Wire.putDoubleArray(out, v.deltas);
            out.putDouble(v.step);
        }

        @Override
        public LogRegCommit read(ByteBuffer in) {
            Wire.expectVersion(in, VERSION, "LogRegCommit");
            int kind = in.getInt();
            if (kind < INNER || kind > OUTER_STEP) {
                throw new WireFormatException("LogRegCommit: unknown kind " + kind);
            }
            return new LogRegCommit(kind, Wire.getIntArray(in), Wire.getDoubleArray(in), in.getDouble());
        }
    };
}
