package org.smpframe.api;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run is after {@code round} rounds, as far as the runtime knows it: the scheduler's state and the schedules
 * it has already computed for the rounds ahead (with a pipeline of depth s, up to s + 1 of them). Together with the
 * app's own state (the committed model) it lets a run continue exactly as the uninterrupted one would have.
 *
 * <p>Taken when every change up to round {@code round - 1} has reached the scheduler and the scheduler thread is
 * idle, so the state does not depend on timing.
 *
 * @param round            rounds done; the resumed run's first round
 * @param updates          parameter updates done in those rounds (counted from round 0, as the trace is)
 * @param seconds          solver seconds spent in those rounds
 * @param schedulerState   what {@link Scheduler#saveState} wrote
 * @param pendingSchedules schedules already computed for rounds {@code round, round + 1, ...}, in order
 */
public record RunSnapshot(long round, long updates, double seconds, byte[] schedulerState,
                          List<Schedule> pendingSchedules) {
    public RunSnapshot {
        if (round < 0 || updates < 0 || !(seconds >= 0)) {
            throw new IllegalArgumentException("invalid snapshot: round " + round + ", updates " + updates
                    + ", seconds " + seconds);
        }
        for (int i = 0; i < pendingSchedules.size(); i++) {
            if (pendingSchedules.get(i).round() != round + i) {
                throw new IllegalArgumentException("pending schedule " + i + " is for round "
                        + pendingSchedules.get(i).round() + ", expected " + (round + i));
            }
        }
        pendingSchedules = List.copyOf(pendingSchedules);
    }

    /** Writes the snapshot; {@link #read} reads it back. */
    public void write(DataOutput out) throws IOException {
        out.writeLong(round);
        out.writeLong(updates);
        out.writeDouble(seconds);
        out.writeInt(schedulerState.length);
        out.write(schedulerState);
        out.writeInt(pendingSchedules.size());
        for (Schedule s : pendingSchedules) {
            ByteBuffer b = ByteBuffer.allocate(Schedule.FORMAT.encodedSize(s));
            Schedule.FORMAT.write(s, b);
            out.writeInt(b.capacity());
            out.write(b.array());
        }
    }

    /**
     * Reads a snapshot written by {@link #write}. Lengths are checked against {@code maxBytes} (the size of what it
     * is read from) before anything is allocated.
     *
     * @throws IOException when the data is cut short or inconsistent
     */
    public static RunSnapshot read(DataInput in, long maxBytes) throws IOException {
        long round = in.readLong();
        long updates = in.readLong();
        double seconds = in.readDouble();
        byte[] state = new byte[length(in.readInt(), maxBytes)];
        in.readFully(state);
        int pending = length(in.readInt(), maxBytes / 4);
        List<Schedule> schedules = new ArrayList<>(pending);
        for (int i = 0; i < pending; i++) {
            byte[] encoded = new byte[length(in.readInt(), maxBytes)];
            in.readFully(encoded);
            try {
                schedules.add(Schedule.FORMAT.read(ByteBuffer.wrap(encoded)));
            } catch (RuntimeException e) {
                throw new IOException("a pending schedule cannot be decoded: " + e.getMessage(), e);
            }
        }
        try {
            return new RunSnapshot(round, updates, seconds, state, schedules);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static int length(int n, long max) throws IOException {
        if (n < 0 || n > max) {
            throw new IOException("length " + n + " is impossible here");
        }
        return n;
    }
}
