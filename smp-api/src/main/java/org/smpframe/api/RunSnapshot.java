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
 * @param aggregatorState  what {@link Aggregator#saveState} wrote, when the run was asked to save the program's
 *                         state ({@link RunOptions#checkpointProgram}); else empty
 * @param workerStates     what each worker's {@link WorkerTask#saveState} wrote, in worker order; else empty
 * @param blockStates      each {@link MovingBlocks moving block} in its wire format, by block id (with the
 *                         program's state, for programs that have such blocks); else empty
 * @param evaluated        whether the model was evaluated at {@code round} before the snapshot (and the listener
 *                         told): a resumed run that ends at once does not report that evaluation twice
 * @param endedBy          null for a snapshot taken during the run; how the run ended for the one taken at its end
 *                         (not written: a resumed run is never "ended")
 */
public record RunSnapshot(long round, long updates, double seconds, byte[] schedulerState,
                          List<Schedule> pendingSchedules, byte[] aggregatorState, List<byte[]> workerStates,
                          List<byte[]> blockStates, boolean evaluated, RunSummary.StopReason endedBy) {
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
        workerStates = List.copyOf(workerStates);
        blockStates = List.copyOf(blockStates);
    }

    /** A snapshot without the program's state. */
    public RunSnapshot(long round, long updates, double seconds, byte[] schedulerState,
                       List<Schedule> pendingSchedules, boolean evaluated) {
        this(round, updates, seconds, schedulerState, pendingSchedules, new byte[0], List.of(), List.of(), evaluated,
                null);
    }

    /** Whether it holds the program's state (aggregator and workers). */
    public boolean hasProgramState() {
        return !workerStates.isEmpty();
    }

    /** The same snapshot, marked as taken at the end of a run that ended for {@code reason}. */
    public RunSnapshot endedBy(RunSummary.StopReason reason) {
        return new RunSnapshot(round, updates, seconds, schedulerState, pendingSchedules, aggregatorState,
                workerStates, blockStates, evaluated, reason);
    }

    /** The same snapshot with the program's state. */
    public RunSnapshot withProgramState(byte[] aggregator, List<byte[]> workers, List<byte[]> blocks) {
        return new RunSnapshot(round, updates, seconds, schedulerState, pendingSchedules, aggregator, workers, blocks,
                evaluated, endedBy);
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
        out.writeInt(aggregatorState.length);
        out.write(aggregatorState);
        writeAll(out, workerStates);
        writeAll(out, blockStates);
        out.writeBoolean(evaluated);
    }

    private static void writeAll(DataOutput out, List<byte[]> parts) throws IOException {
        out.writeInt(parts.size());
        for (byte[] part : parts) {
            out.writeInt(part.length);
            out.write(part);
        }
    }

    private static List<byte[]> readAll(DataInput in, long maxBytes) throws IOException {
        int n = length(in.readInt(), maxBytes / 4);
        List<byte[]> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] part = new byte[length(in.readInt(), maxBytes)];
            in.readFully(part);
            parts.add(part);
        }
        return parts;
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
        byte[] aggregator = new byte[length(in.readInt(), maxBytes)];
        in.readFully(aggregator);
        List<byte[]> workers = readAll(in, maxBytes);
        List<byte[]> blocks = readAll(in, maxBytes);
        boolean evaluated = in.readBoolean();
        try {
            return new RunSnapshot(round, updates, seconds, state, schedules, aggregator, workers, blocks, evaluated,
                    null);
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
