package org.smpframe.lasso;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * What every worker applies after a round in the feature-sharded layout (and before a run's first round: the new
 * λ). With one worker nothing moves but λ: the worker's own sweeps already updated its residual. With several,
 * the step the aggregator kept, {@link #alpha} times the sum of the workers' changes (α = 1 unless the sum raised
 * the objective), as the residual change ΔR_α that each replica takes off its round-start residual, and after an
 * evaluation a correction that replaces the replicas' accumulated rounding by the residual recomputed from the
 * coefficients, or the point the aggregator's Anderson acceleration found (coefficients and the residual to
 * take as they are). A reusable holder, owned by the aggregator; workers only read it.
 */
public final class FeatureLassoCommit {
    static final int VERSION = 1;

    double lambda = Double.NaN; // NaN: unchanged
    double alpha = 1.0;
    double[] residualDelta;     // null: none (one worker)
    double offsetDelta;
    double rawSumDelta;
    // With several workers: every coefficient the round moved, as committed (the step α applied).
    int changed;
    int[] changedParams = new int[0];
    double[] changedValues = new double[0];
    double[] correction;        // null: none
    double offsetCorrection;
    double rawSumCorrection;
    // An accelerated point (several workers): these coefficients take these values, the residual becomes this.
    int replaced;
    int[] replacedParams = new int[0];
    double[] replacedValues = new double[0];
    double[] replacedResidual;  // null: none

    FeatureLassoCommit() {
    }

    /** The penalty from now on, or NaN when it did not change. */
    public double lambda() {
        return lambda;
    }

    /** The fraction of the workers' summed step that was committed. */
    public double alpha() {
        return alpha;
    }

    /**
     * Layout: int version, double lambda, double alpha, residual delta (int -1: none), 2 doubles, int changed,
     * changed × (int param, double value), the correction as the delta, int replaced, replaced × (int param, double
     * value), replaced residual (int -1: none).
     */
    public static final WireFormat<FeatureLassoCommit> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(FeatureLassoCommit v) {
            return 4 + 16 + 4 + (v.residualDelta == null ? 0 : 8 * v.residualDelta.length) + 16 + 4 + 12 * v.changed
                    + 4 + (v.correction == null ? 0 : 8 * v.correction.length) + 16
                    + 4 + 12 * v.replaced + 4 + (v.replacedResidual == null ? 0 : 8 * v.replacedResidual.length);
        }

        @Override
        public void write(FeatureLassoCommit v, ByteBuffer out) {
            out.putInt(VERSION);
            out.putDouble(v.lambda);
            out.putDouble(v.alpha);
            putNullable(out, v.residualDelta);
            out.putDouble(v.offsetDelta);
            out.putDouble(v.rawSumDelta);
            out.putInt(v.changed);
            for (int i = 0; i < v.changed; i++) {
                out.putInt(v.changedParams[i]);
                out.putDouble(v.changedValues[i]);
            }
            putNullable(out, v.correction);
            out.putDouble(v.offsetCorrection);
            out.putDouble(v.rawSumCorrection);
            out.putInt(v.replaced);
            for (int i = 0; i < v.replaced; i++) {
                out.putInt(v.replacedParams[i]);
                out.putDouble(v.replacedValues[i]);
            }
            putNullable(out, v.replacedResidual);
        }

        @Override
        public FeatureLassoCommit read(ByteBuffer in) {
            Wire.expectVersion(in, VERSION, "FeatureLassoCommit");
            FeatureLassoCommit v = new FeatureLassoCommit();
            v.lambda = in.getDouble();
            v.alpha = in.getDouble();
            v.residualDelta = getNullable(in);
            v.offsetDelta = in.getDouble();
            v.rawSumDelta = in.getDouble();
            int changed = in.getInt();
            if (changed < 0 || 12L * changed > in.remaining()) {
                throw new org.smpframe.api.WireFormatException("FeatureLassoCommit: " + changed
                        + " changed coefficients in " + in.remaining() + " bytes");
            }
            v.changed = changed;
            v.changedParams = new int[changed];
            v.changedValues = new double[changed];
            for (int i = 0; i < changed; i++) {
                v.changedParams[i] = in.getInt();
                v.changedValues[i] = in.getDouble();
            }
            v.correction = getNullable(in);
            v.offsetCorrection = in.getDouble();
            v.rawSumCorrection = in.getDouble();
            int replaced = in.getInt();
            if (replaced < 0 || 12L * replaced > in.remaining()) {
                throw new org.smpframe.api.WireFormatException("FeatureLassoCommit: " + replaced
                        + " replaced coefficients in " + in.remaining() + " bytes");
            }
            v.replaced = replaced;
            v.replacedParams = new int[replaced];
            v.replacedValues = new double[replaced];
            for (int i = 0; i < replaced; i++) {
                v.replacedParams[i] = in.getInt();
                v.replacedValues[i] = in.getDouble();
            }
            v.replacedResidual = getNullable(in);
            return v;
        }
    };

    static void putNullable(ByteBuffer out, double[] a) {
        if (a == null) {
            out.putInt(-1);
        } else {
            Wire.putDoubleArray(out, a);
        }
    }

    static double[] getNullable(ByteBuffer in) {
        int mark = in.position();
        if (in.getInt() == -1) {
            return null;
        }
        in.position(mark);
        return Wire.getDoubleArray(in);
    }
}
