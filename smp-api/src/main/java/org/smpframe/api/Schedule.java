package org.smpframe.api;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The plan for one round: which parameters are updated, and by which worker.
 *
 * <p>Two shapes cover every SMP app:
 * <ul>
 *   <li><b>shared</b> ({@link #shared}): every worker works on all of {@link #params()}. Used when data is
 *       sharded by rows and each parameter's update needs a partial sum from every shard (Lasso, logistic
 *       regression: worker p pushes the partial gradient of each scheduled coordinate over its rows).</li>
 *   <li><b>partitioned</b> ({@link #partitioned}): worker p works on {@code params[split[p] .. split[p+1])}.
 *       Used when parameters (or parameter blocks) are owned by one worker at a time (the rotation schedule of
 *       LDA and MF: worker p holds vocabulary block (p + r) mod P in sub-round r).</li>
 * </ul>
 * What a parameter id means (a coordinate, a block of words, a block of item factors) is the app's business.
 *
 * <p>Two more things a scheduler may say about a round: how many {@link #sweeps() sweeps} each worker makes over
 * its share (a worker that owns its parameters updates them one after another, Gauss-Seidel, and several passes
 * in one round make the round carry enough work that its coordination is noise), and whether the committed model
 * is to be {@link #evaluateAfter() evaluated} after the round (a scheduler that works on a subset of the
 * parameters asks for the full check when it believes that subset solved).
 *
 * <p>Instances are immutable once built; the arrays are owned by the schedule and must not be changed.
 */
public final class Schedule {
    /** Format version of {@link #FORMAT}; bump on any change of the layout below. */
    public static final int FORMAT_VERSION = 2;

    private final long round;
    private final int[] params;
    private final int[] split; // null when shared
    private final int sweeps;
    private final boolean evaluateAfter;

    private Schedule(long round, int[] params, int[] split, int sweeps, boolean evaluateAfter) {
        if (sweeps < 1) {
            throw new IllegalArgumentException("a round makes at least one sweep, got " + sweeps);
        }
        this.round = round;
        this.params = params;
        this.split = split;
        this.sweeps = sweeps;
        this.evaluateAfter = evaluateAfter;
    }

    /** Every worker updates all of {@code params} (each with its own rows). */
    public static Schedule shared(long round, int[] params) {
        return new Schedule(round, params, null, 1, false);
    }

    /**
     * Worker p updates {@code params[split[p] .. split[p+1])}; {@code split} has numWorkers + 1 entries,
     * starts at 0, ends at params.length and never decreases.
     */
    public static Schedule partitioned(long round, int[] params, int[] split) {
        return partitioned(round, params, split, 1, false);
    }

    /**
     * As {@link #partitioned(long, int[], int[])}, each worker going {@code sweeps} times over its share in order,
     * and with the model to be evaluated after the round if {@code evaluateAfter}.
     */
    public static Schedule partitioned(long round, int[] params, int[] split, int sweeps, boolean evaluateAfter) {
        if (split.length < 2 || split[0] != 0 || split[split.length - 1] != params.length) {
            throw new IllegalArgumentException("split must run from 0 to params.length, got " + Arrays.toString(split));
        }
        for (int i = 1; i < split.length; i++) {
            if (split[i] < split[i - 1]) {
                throw new IllegalArgumentException("split must not decrease: " + Arrays.toString(split));
            }
        }
        return new Schedule(round, params, split, sweeps, evaluateAfter);
    }

    public long round() {
        return round;
    }

    /** All parameters scheduled this round (for a partitioned schedule, concatenated by worker). */
    public int[] params() {
        return params;
    }

    public int size() {
        return params.length;
    }

    public boolean isShared() {
        return split == null;
    }

    /** First index into {@link #params()} of worker {@code worker}'s share. */
    public int from(int worker) {
        return split == null ? 0 : split[worker];
    }

    /** End (exclusive) index into {@link #params()} of worker {@code worker}'s share. */
    public int to(int worker) {
        return split == null ? params.length : split[worker + 1];
    }

    /** How many times each worker goes over its share, in order, in this round (1 unless the scheduler says). */
    public int sweeps() {
        return sweeps;
    }

    /** Whether the scheduler asks for an evaluation of the committed model after this round. */
    public boolean evaluateAfter() {
        return evaluateAfter;
    }

    /** Number of workers a partitioned schedule was made for, or -1 for a shared one. */
    public int numWorkers() {
        return split == null ? -1 : split.length - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && s.round == round && Arrays.equals(s.params, params)
                && Arrays.equals(s.split, split) && s.sweeps == sweeps && s.evaluateAfter == evaluateAfter;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(round) * 31 + Arrays.hashCode(params);
    }

    @Override
    public String toString() {
        return "Schedule{round=" + round + ", params=" + params.length
                + (split == null ? ", shared" : ", split=" + Arrays.toString(split))
                + (sweeps == 1 ? "" : ", sweeps=" + sweeps) + (evaluateAfter ? ", then evaluate" : "") + "}";
    }

    /**
     * Binary layout (big-endian): int version, long round, int[] params, int[] split (length -1 = shared), int
     * sweeps, byte evaluateAfter; arrays as int length followed by the elements. Version 1 (checkpoints written
     * before sweeps existed) had no sweeps and no flag and still reads, as one sweep without evaluation.
     */
    public static final WireFormat<Schedule> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(Schedule s) {
            return 4 + 8 + Wire.intArraySize(s.params) + (s.split == null ? 4 : Wire.intArraySize(s.split)) + 4 + 1;
        }

        @Override
        public void write(Schedule s, ByteBuffer out) {
            out.putInt(FORMAT_VERSION);
            out.putLong(s.round);
            Wire.putIntArray(out, s.params);
            if (s.split == null) {
                out.putInt(-1);
            } else {
                Wire.putIntArray(out, s.split);
            }
            out.putInt(s.sweeps);
            out.put((byte) (s.evaluateAfter ? 1 : 0));
        }

        @Override
        public Schedule read(ByteBuffer in) {
            int version = in.getInt();
            if (version != 1 && version != FORMAT_VERSION) {
                throw new WireFormatException("Schedule: format version " + version + ", this build reads 1 and "
                        + FORMAT_VERSION);
            }
            long round = in.getLong();
            int[] params = Wire.getIntArray(in);
            int[] split = Wire.getNullableIntArray(in);
            int sweeps = 1;
            boolean evaluate = false;
            if (version >= 2) {
                sweeps = in.getInt();
                byte flag = in.get();
                if (sweeps < 1 || (flag != 0 && flag != 1)) {
                    throw new WireFormatException("Schedule: " + sweeps + " sweeps, evaluation flag " + flag);
                }
                evaluate = flag == 1;
            }
            return split == null ? new Schedule(round, params, null, sweeps, evaluate)
                    : partitioned(round, params, split, sweeps, evaluate);
        }
    };
}
