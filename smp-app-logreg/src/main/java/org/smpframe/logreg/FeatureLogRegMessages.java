package org.smpframe.logreg;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;
import org.smpframe.api.WireFormatException;

/**
 * The messages of the feature-sharded logistic regression ({@link FeatureLogRegProgram}): a worker's push, the
 * aggregator's commit and a worker's part of an evaluation. Reusable holders, each owned by the side that fills it;
 * arrays may be longer than the counts.
 */
final class FeatureLogRegMessages {
    private FeatureLogRegMessages() {
    }

    /**
     * A worker's push: the coefficients its Newton step moved (new values, and √(2 × the objective decrease) of
     * each, the step's decrease shared in proportion to the quadratic model's), the minimum-norm subgradient of
     * its share, whether it had a direction that no step along it decreased (rounding: near the optimum), and
     * with several workers the margins' change α·X_B d_B.
     */
    static final class Partial {
        static final int VERSION = 1;
        int count;
        int[] params;
        double[] values;
        double[] magnitudes;
        double l1Delta;
        double restrictedSubgradient = Double.NaN;
        boolean stepRejected;
        double[] marginDelta; // null with one worker

        Partial(int capacity, int marginLength) {
            params = new int[capacity];
            values = new double[capacity];
            magnitudes = new double[capacity];
            marginDelta = marginLength > 0 ? new double[marginLength] : null;
        }

        static final WireFormat<Partial> FORMAT = new WireFormat<>() {
            @Override
            public int encodedSize(Partial v) {
                return 4 + 4 + 20 * v.count + 16 + 1 + 4 + (v.marginDelta == null ? 0 : 8 * v.marginDelta.length);
            }

            @Override
            public void write(Partial v, ByteBuffer out) {
                out.putInt(VERSION);
                out.putInt(v.count);
                for (int i = 0; i < v.count; i++) {
                    out.putInt(v.params[i]);
                    out.putDouble(v.values[i]);
                    out.putDouble(v.magnitudes[i]);
                }
                out.putDouble(v.l1Delta);
                out.putDouble(v.restrictedSubgradient);
                out.put((byte) (v.stepRejected ? 1 : 0));
                putNullable(out, v.marginDelta);
            }

            @Override
            public Partial read(ByteBuffer in) {
                Wire.expectVersion(in, VERSION, "FeatureLogRegPartial");
                int count = checkedCount(in, 20, "coordinates");
                Partial v = new Partial(count, 0);
                v.count = count;
                for (int i = 0; i < count; i++) {
                    v.params[i] = in.getInt();
                    v.values[i] = in.getDouble();
                    v.magnitudes[i] = in.getDouble();
                }
                v.l1Delta = in.getDouble();
                v.restrictedSubgradient = in.getDouble();
                v.stepRejected = in.get() != 0;
                v.marginDelta = getNullable(in);
                return v;
            }
        };
    }

    /**
     * What every worker applies: the new λ (run start) with the scale of the inner stopping rule, and with several workers the committed fraction t of the
     * summed margin changes and every moved coefficient's committed value.
     */
    static final class Commit {
        static final int VERSION = 1;
        double lambda = Double.NaN;
        double subgradientScale = Double.NaN; // ‖∇ˢF(0)‖₁ at λ, sent with it
        double[] marginDelta; // null: none
        /** The one worker whose step was committed whole (the others moved nothing), else −1. */
        int soleMover = -1;
        int changed;
        int[] changedParams = new int[0];
        double[] changedValues = new double[0];

        void reset() {
            lambda = Double.NaN;
            subgradientScale = Double.NaN;
            marginDelta = null;
            soleMover = -1;
            changed = 0;
        }

        static final WireFormat<Commit> FORMAT = new WireFormat<>() {
            @Override
            public int encodedSize(Commit v) {
                return 4 + 16 + 4 + (v.marginDelta == null ? 0 : 8 * v.marginDelta.length) + 4 + 4 + 12 * v.changed;
            }

            @Override
            public void write(Commit v, ByteBuffer out) {
                out.putInt(VERSION);
                out.putDouble(v.lambda);
                out.putDouble(v.subgradientScale);
                putNullable(out, v.marginDelta);
                out.putInt(v.soleMover);
                out.putInt(v.changed);
                for (int i = 0; i < v.changed; i++) {
                    out.putInt(v.changedParams[i]);
                    out.putDouble(v.changedValues[i]);
                }
            }

            @Override
            public Commit read(ByteBuffer in) {
                Wire.expectVersion(in, VERSION, "FeatureLogRegCommit");
                Commit v = new Commit();
                v.lambda = in.getDouble();
                v.subgradientScale = in.getDouble();
                v.marginDelta = getNullable(in);
                v.soleMover = in.getInt();
                int changed = checkedCount(in, 12, "changed coefficients");
                v.changed = changed;
                v.changedParams = new int[changed];
                v.changedValues = new double[changed];
                for (int i = 0; i < changed; i++) {
                    v.changedParams[i] = in.getInt();
                    v.changedValues[i] = in.getDouble();
                }
                return v;
            }
        };
    }

    /**
     * A worker's part of an evaluation: the loss Σ_i log(1 + exp(−y_i z_i)) at the margins recomputed from w (the
     * same on every replica), for each of its own columns the loss gradient ∇_j L = x_jᵀu/n read exactly or, where
     * the column was skipped (a bit set in {@code skipped}), a bound below λ of |∇_j L|, and the minimum-norm
     * subgradient summed over them.
     */
    static final class Stats {
        static final int VERSION = 1;
        double loss;
        double subgradient;
        double[] gradient;
        long[] skipped;
        int computed;

        Stats(int columns) {
            gradient = new double[columns];
            skipped = new long[(columns + 63) >>> 6];
        }

        boolean isSkipped(int k) {
            return (skipped[k >>> 6] & (1L << k)) != 0;
        }

        void setSkipped(int k, boolean value) {
            if (value) {
                skipped[k >>> 6] |= 1L << k;
            } else {
                skipped[k >>> 6] &= ~(1L << k);
            }
        }

        static final WireFormat<Stats> FORMAT = new WireFormat<>() {
            @Override
            public int encodedSize(Stats v) {
                return 4 + 16 + Wire.doubleArraySize(v.gradient) + 8 * v.skipped.length + 4;
            }

            @Override
            public void write(Stats v, ByteBuffer out) {
                out.putInt(VERSION);
                out.putDouble(v.loss);
                out.putDouble(v.subgradient);
                Wire.putDoubleArray(out, v.gradient);
                for (long bits : v.skipped) {
                    out.putLong(bits);
                }
                out.putInt(v.computed);
            }

            @Override
            public Stats read(ByteBuffer in) {
                Wire.expectVersion(in, VERSION, "FeatureLogRegStats");
                double loss = in.getDouble();
                double subgradient = in.getDouble();
                double[] gradient = Wire.getDoubleArray(in);
                Stats v = new Stats(gradient.length);
                v.loss = loss;
                v.subgradient = subgradient;
                v.gradient = gradient;
                if (8L * v.skipped.length > in.remaining()) {
                    throw new WireFormatException("the skipped columns' bits of " + gradient.length + " columns in "
                            + in.remaining() + " bytes");
                }
                for (int i = 0; i < v.skipped.length; i++) {
                    v.skipped[i] = in.getLong();
                }
                v.computed = in.getInt();
                return v;
            }
        };
    }

    static int checkedCount(ByteBuffer in, int bytesEach, String what) {
        int count = in.getInt();
        if (count < 0 || (long) bytesEach * count > in.remaining()) {
            throw new WireFormatException(count + " " + what + " in " + in.remaining() + " bytes");
        }
        return count;
    }

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
