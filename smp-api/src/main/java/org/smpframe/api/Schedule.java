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
 * <p>Instances are immutable once built; the arrays are owned by the schedule and must not be changed.
 */
public final class Schedule {
    /** Format version of {@link #FORMAT}; bump on any change of the layout below. */
    public static final int FORMAT_VERSION = 1;

    private final long round;
    private final int[] params;
    private final int[] split; // null when shared

    private Schedule(long round, int[] params, int[] split) {
        this.round = round;
        this.params = params;
        this.split = split;
    }

    /** Every worker updates all of {@code params} (each with its own rows). */
    public static Schedule shared(long round, int[] params) {
        return new Schedule(round, params, null);
    }

    /**
     * Worker p updates {@code params[split[p] .. split[p+1])}; {@code split} has numWorkers + 1 entries,
     * starts at 0, ends at params.length and never decreases.
     */
    public static Schedule partitioned(long round, int[] params, int[] split) {
        if (split.length < 2 || split[0] != 0 || split[split.length - 1] != params.length) {
            throw new IllegalArgumentException("split must run from 0 to params.length, got " + Arrays.toString(split));
        }
        for (int i = 1; i < split.length; i++) {
            if (split[i] < split[i - 1]) {
                throw new IllegalArgumentException("split must not decrease: " + Arrays.toString(split));
            }
        }
        return new Schedule(round, params, split);
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

    /** Number of workers a partitioned schedule was made for, or -1 for a shared one. */
    public int numWorkers() {
        return split == null ? -1 : split.length - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && s.round == round && Arrays.equals(s.params, params)
                && Arrays.equals(s.split, split);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(round) * 31 + Arrays.hashCode(params);
    }

    @Override
    public String toString() {
        return "Schedule{round=" + round + ", params=" + params.length
                + (split == null ? ", shared" : ", split=" + Arrays.toString(split)) + "}";
    }

    /**
     * Binary layout (big-endian): int version, long round, int[] params, int[] split (length -1 = shared);
     * arrays as int length followed by the elements.
     */
    public static final WireFormat<Schedule> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(Schedule s) {
            return 4 + 8 + Wire.intArraySize(s.params) + (s.split == null ? 4 : Wire.intArraySize(s.split));
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
        }

        @Override
        public Schedule read(ByteBuffer in) {
            Wire.expectVersion(in, FORMAT_VERSION, "Schedule");
            long round = in.getLong();
            int[] params = Wire.getIntArray(in);
            int[] split = Wire.getNullableIntArray(in);
            return split == null ? shared(round, params) : partitioned(round, params, split);
        }
    };
}
