package org.smpframe.lasso;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * A worker's push in the feature-sharded layout: the coordinates of its own that moved in its Gauss-Seidel sweeps
 * (their new values, and how much each lowered the objective), and, with more than one worker, how much its sweeps
 * took off the residual, Δr = r_start − r_end (raw part, offset and Σ raw), for the aggregator to sum and the
 * other workers' replicas to apply. A reusable holder, owned by its worker and filled again by every push; the
 * arrays may be longer than {@link #count()}.
 */
public final class FeatureLassoPartial {
    static final int VERSION = 1;

    int count;
    int[] params;
    double[] values;
    double[] magnitudes;
    double l1Delta;
    double maxAbsGradient;  // max |x̃_jᵀr| over the share in the last sweep, each read before its update
    double maxColumnNorm;   // max ‖x̃_j‖ over the share: how much another worker's move can change those
    double residualSquares = Double.NaN; // ‖r‖² and rᵀỹ after the sweeps, with one worker (NaN with several)
    double residualDotY = Double.NaN;
    double[] residualDelta; // null with one worker
    double offsetDelta;
    double rawSumDelta;

    FeatureLassoPartial(int capacity, int residualLength) {
        params = new int[capacity];
        values = new double[capacity];
        magnitudes = new double[capacity];
        residualDelta = residualLength > 0 ? new double[residualLength] : null;
    }

    /** Coordinates that moved. */
    public int count() {
        return count;
    }

    /** Global id of the i-th coordinate that moved. */
    public int param(int i) {
        return params[i];
    }

    /** Its new value. */
    public double value(int i) {
        return values[i];
    }

    /** √(2 × the objective decrease of its updates): |Δβ_j|·‖x̃_j‖/√n for a single update. */
    public double magnitude(int i) {
        return magnitudes[i];
    }

    /** Σ (|β_new| − |β_old|) over the coordinates that moved. */
    public double l1Delta() {
        return l1Delta;
    }

    /**
     * Layout: int version, int count, count × (int param, double value, double magnitude), double l1Delta, double
     * maxAbsGradient, maxColumnNorm, residualSquares, residualDotY, int residual length (-1: none) and its doubles, double
     * offsetDelta, double rawSumDelta.
     */
    public static final WireFormat<FeatureLassoPartial> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(FeatureLassoPartial v) {
            return 4 + 4 + v.count * 20 + 8 + 32 + 4 + (v.residualDelta == null ? 0 : 8 * v.residualDelta.length) + 16;
        }

        @Override
        public void write(FeatureLassoPartial v, ByteBuffer out) {
            out.putInt(VERSION);
            out.putInt(v.count);
            for (int i = 0; i < v.count; i++) {
                out.putInt(v.params[i]);
                out.putDouble(v.values[i]);
                out.putDouble(v.magnitudes[i]);
            }
            out.putDouble(v.l1Delta);
            out.putDouble(v.maxAbsGradient);
            out.putDouble(v.maxColumnNorm);
            out.putDouble(v.residualSquares);
            out.putDouble(v.residualDotY);
            if (v.residualDelta == null) {
                out.putInt(-1);
            } else {
                Wire.putDoubleArray(out, v.residualDelta);
            }
            out.putDouble(v.offsetDelta);
            out.putDouble(v.rawSumDelta);
        }

        @Override
        public FeatureLassoPartial read(ByteBuffer in) {
            Wire.expectVersion(in, VERSION, "FeatureLassoPartial");
            int count = in.getInt();
            if (count < 0 || 20L * count > in.remaining()) {
                throw new org.smpframe.api.WireFormatException("FeatureLassoPartial: " + count + " coordinates in "
                        + in.remaining() + " bytes");
            }
            FeatureLassoPartial v = new FeatureLassoPartial(count, 0);
            v.count = count;
            for (int i = 0; i < count; i++) {
                v.params[i] = in.getInt();
                v.values[i] = in.getDouble();
                v.magnitudes[i] = in.getDouble();
            }
            v.l1Delta = in.getDouble();
            v.maxAbsGradient = in.getDouble();
            v.maxColumnNorm = in.getDouble();
            v.residualSquares = in.getDouble();
            v.residualDotY = in.getDouble();
            int mark = in.position();
            if (in.getInt() != -1) {
                in.position(mark);
                v.residualDelta = Wire.getDoubleArray(in);
            }
            v.offsetDelta = in.getDouble();
            v.rawSumDelta = in.getDouble();
            return v;
        }
    };
}
