package org.smpframe.runtime.embedded;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.smpframe.api.BlockHolder;
import org.smpframe.api.MovingBlocks;
import org.smpframe.api.Schedule;
import org.smpframe.api.WorkerTask;
import org.smpframe.runtime.core.BlockSchedules;
import org.smpframe.runtime.core.TrafficCounter;

/**
 * Moves a program's {@link MovingBlocks} between the worker threads of this JVM: a block released by one worker
 * after its push waits in a slot until the worker scheduled with it next receives it. In one JVM a move is a
 * reference hand-off (or a round trip through the block's wire format when formats are verified), so there is
 * nothing to overlap; the slots exist so that the same hand-over points as in a cluster are exercised.
 *
 * @param <B> the state of one block
 */
final class BlockRelay<B> {
    private final MovingBlocks<B> blocks;
    private final BlockHolder<B>[] holders;
    private final Object[] slots;
    private final boolean[] seen;
    private final TrafficCounter traffic;

    @SuppressWarnings("unchecked")
    private BlockRelay(MovingBlocks<B> blocks, List<? extends WorkerTask<?, ?, ?>> workers, TrafficCounter traffic) {
        this.blocks = blocks;
        this.traffic = traffic;
        this.holders = new BlockHolder[workers.size()];
        for (int p = 0; p < holders.length; p++) {
            if (!(workers.get(p) instanceof BlockHolder<?> h)) {
                throw new IllegalStateException("the program has moving blocks but its worker " + p + " ("
                        + workers.get(p).getClass().getName() + ") does not implement BlockHolder");
            }
            holders[p] = (BlockHolder<B>) h;
        }
        this.slots = new Object[blocks.count()];
        this.seen = new boolean[blocks.count()];
    }

    /** A relay for the program's blocks, or null when it has none. */
    static BlockRelay<?> of(MovingBlocks<?> blocks, List<? extends WorkerTask<?, ?, ?>> workers,
                            TrafficCounter traffic) {
        return blocks == null ? null : new BlockRelay<>(blocks, workers, traffic);
    }

    /** Takes every block from the program, as a run starts. */
    void takeAll() {
        for (int b = 0; b < slots.length; b++) {
            slots[b] = blocks.take(b);
        }
    }

    /** Returns every block to the program, as a run ends (all but those a failed worker still holds). */
    void parkAll() {
        for (int b = 0; b < slots.length; b++) {
            if (slots[b] != null) {
                blocks.park(b, block(b));
                slots[b] = null;
            }
        }
    }

    /**
     * Checks, before a round runs, that the schedule is partitioned and gives every block to at most one worker:
     * the guarantee that makes block updates conflict-free.
     */
    void check(Schedule schedule) {
        BlockSchedules.check(schedule, seen);
    }

    /**
     * Gives worker {@code p} the blocks of its share; runs on that worker's thread. The fork-join between rounds
     * orders the release of a block by one thread before its delivery to another.
     */
    void deliver(int p, Schedule schedule, boolean verifyWire) {
        int[] params = schedule.params();
        for (int i = schedule.from(p); i < schedule.to(p); i++) {
            int b = params[i];
            B state = block(b);
            slots[b] = null;
            if (verifyWire) {
                traffic.add(TrafficCounter.BLOCK, blocks.format().encodedSize(state));
                state = blocks.format().roundTrip(state);
            }
            holders[p].receive(b, state);
        }
    }

    /** Takes back the blocks of worker {@code p}'s share after its push; runs on that worker's thread. */
    void collect(int p, Schedule schedule, boolean verifyWire) {
        int[] params = schedule.params();
        for (int i = schedule.from(p); i < schedule.to(p); i++) {
            int b = params[i];
            B state = holders[p].release(b);
            slots[b] = verifyWire ? blocks.format().roundTrip(state) : state;
        }
    }

    /**
     * Every block's state in its wire encoding: between rounds the relay holds them; after a run the program
     * does, and lends each one for the encoding.
     */
    List<byte[]> encodeAll() {
        List<byte[]> out = new ArrayList<>(slots.length);
        for (int b = 0; b < slots.length; b++) {
            B state = block(b);
            if (state == null) {
                state = blocks.take(b);
                blocks.park(b, state);
            }
            ByteBuffer buf = ByteBuffer.allocate(blocks.format().encodedSize(state));
            blocks.format().write(state, buf);
            out.add(buf.array());
        }
        return out;
    }

    /** Replaces every block with the state {@link #encodeAll} gave (a resumed run's, after {@link #takeAll}). */
    void decodeAll(List<byte[]> encoded) {
        if (encoded.size() != slots.length) {
            throw new IllegalArgumentException("the checkpoint holds " + encoded.size() + " model blocks; this run has "
                    + slots.length);
        }
        for (int b = 0; b < slots.length; b++) {
            try {
                slots[b] = blocks.format().read(ByteBuffer.wrap(encoded.get(b)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the checkpoint's model block " + b + " cannot be decoded: "
                        + e.getMessage(), e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private B block(int b) {
        return (B) slots[b];
    }
}
