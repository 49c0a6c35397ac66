package org.smpframe.lasso;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * A worker's part of an evaluation in the feature-sharded layout. The residual's statistics (the same on every
 * replica), the extrapolated residual's (NaN when there is none yet), and for each of the worker's own columns
 * |x̃_jᵀr|, exactly, or where the worker skipped the column an upper bound of it that is below nλ, negated (a
 * column whose bound says it cannot violate its optimality condition is not read; the sign tells a bound from a
 * value). With several workers also the fit of the
 * worker's own coefficients, from which the aggregator rebuilds the exact residual. A reusable holder.
 */
public final class FeatureLassoStats {
    static final int VERSION = 1;

    double residualSquares;
    double residualDotY;
    double accSquares = Double.NaN;
    double accDotY = Double.NaN;
    double accMaxAbsGradient;
    double[] absGradient;   // by local column: |x̃_kᵀr|, or −(an upper bound of it) where the column was not read
    int computed;           // columns read (the others are bounds)
    double[] fit;           // null with one worker: X_w β_w, stored columns
    double fitOffset;

    FeatureLassoStats(int columns, int fitLength) {
        absGradient = new double[columns];
        fit = fitLength > 0 ? new double[fitLength] : null;
    }

    /** Columns read exactly in this evaluation. */
    public int computed() {
        return computed;
    }

    /** Layout: int version, 5 doubles, double[] absGradient, int computed, fit (int -1: none), double fitOffset. */
    public static final WireFormat<FeatureLassoStats> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(FeatureLassoStats v) {
            return 4 + 40 + Wire.doubleArraySize(v.absGradient) + 4 + 4 + (v.fit == null ? 0 : 8 * v.fit.length) + 8;
        }

        @Override
        public void write(FeatureLassoStats v, ByteBuffer out) {
            out.putInt(VERSION);
            out.putDouble(v.residualSquares);
            out.putDouble(v.residualDotY);
            out.putDouble(v.accSquares);
            out.putDouble(v.accDotY);
            out.putDouble(v.accMaxAbsGradient);
            Wire.putDoubleArray(out, v.absGradient);
            out.putInt(v.computed);
            FeatureLassoCommit.putNullable(out, v.fit);
            out.putDouble(v.fitOffset);
        }

        @Override
        public FeatureLassoStats read(ByteBuffer in) {
            Wire.expectVersion(in, VERSION, "FeatureLassoStats");
            FeatureLassoStats v = new FeatureLassoStats(0, 0);
            v.residualSquares = in.getDouble();
            v.residualDotY = in.getDouble();
            v.accSquares = in.getDouble();
            v.accDotY = in.getDouble();
            v.accMaxAbsGradient = in.getDouble();
            v.absGradient = Wire.getDoubleArray(in);
            v.computed = in.getInt();
            v.fit = FeatureLassoCommit.getNullable(in);
            v.fitOffset = in.getDouble();
            return v;
        }
    };
}
