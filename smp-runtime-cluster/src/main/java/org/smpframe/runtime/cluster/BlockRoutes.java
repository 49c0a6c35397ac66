package org.smpframe.runtime.cluster;

import java.util.Arrays;
import org.smpframe.api.MovingBlocks;
import org.smpframe.api.Schedule;
import org.smpframe.runtime.core.BlockSchedules;

/**
 * The coordinator's map of where every moving block is, and the routing it derives from each schedule: which
 * worker sends which block to whom, and when. Blocks go from worker to worker directly; the coordinator only
 * hands them out when a run starts and takes them back when it ends.
 *
 * <p>When the schedule of the next round is known while this one runs (a static schedule, or a pipeline depth
 * above 0), a worker sends each block on right after its push, so the transfer overlaps with the other workers'
 * work and with the aggregation; otherwise it keeps the block until the next round says where it goes.
 */
final class BlockRoutes {
    static final int COORDINATOR = -1;

    private final int numWorkers;
    private final int[] location; // the worker a block is at or on its way to, or COORDINATOR
    private final int[] nextHolder;
    private final boolean[] seen;

    BlockRoutes(MovingBlocks<?> blocks, int numWorkers) {
        this.numWorkers = numWorkers;
        this.location = new int[blocks.count()];
        this.nextHolder = new int[blocks.count()];
        this.seen = new boolean[blocks.count()];
        Arrays.fill(location, COORDINATOR);
    }

    /** What each worker does with blocks in one round. */
    record Plan(int[][] forwards, int[][] after, int[] fromCoordinator, int[] fromCoordinatorTo) {
    }

    /**
     * Routes round {@code schedule}, given the following round's schedule ({@code next}, or null if unknown), and
     * records where every block will be afterwards.
     */
    Plan plan(Schedule schedule, Schedule next) {
        BlockSchedules.check(schedule, seen);
        int[] params = schedule.params();
        int[][] forwards = new int[numWorkers][];
        int[] forwardCount = new int[numWorkers];
        int[] sendTo = new int[params.length];
        int fromCoordinator = 0;
        for (int q = 0; q < numWorkers; q++) {
            for (int i = schedule.from(q); i < schedule.to(q); i++) {
                int b = params[i];
                int at = location[b];
                sendTo[i] = at;
                if (at == COORDINATOR) {
                    fromCoordinator++;
                } else if (at != q) {
                    forwardCount[at]++;
                }
            }
        }
        for (int p = 0; p < numWorkers; p++) {
            forwards[p] = new int[2 * forwardCount[p]];
            forwardCount[p] = 0;
        }
        int[] coordinatorBlocks = new int[fromCoordinator];
        int[] coordinatorTo = new int[fromCoordinator];
        int c = 0;
        for (int q = 0; q < numWorkers; q++) {
            for (int i = schedule.from(q); i < schedule.to(q); i++) {
                int b = params[i];
                int at = sendTo[i];
                if (at == COORDINATOR) {
                    coordinatorBlocks[c] = b;
                    coordinatorTo[c++] = q;
                } else if (at != q) {
                    forwards[at][forwardCount[at]++] = b;
                    forwards[at][forwardCount[at]++] = q;
                }
                location[b] = q;
            }
        }
        int[][] after = new int[numWorkers][];
        if (next != null) {
            BlockSchedules.check(next, seen);
            Arrays.fill(nextHolder, -1);
            for (int q = 0; q < numWorkers; q++) {
                for (int i = next.from(q); i < next.to(q); i++) {
                    nextHolder[next.params()[i]] = q;
                }
            }
        }
        for (int q = 0; q < numWorkers; q++) {
            after[q] = new int[schedule.to(q) - schedule.from(q)];
            for (int i = schedule.from(q); i < schedule.to(q); i++) {
                int b = params[i];
                int dest = next == null || nextHolder[b] < 0 ? q : nextHolder[b];
                after[q][i - schedule.from(q)] = dest;
                location[b] = dest;
            }
        }
        return new Plan(forwards, after, coordinatorBlocks, coordinatorTo);
    }

    /** The blocks at worker {@code worker} (or on their way to it): what it returns when a run ends. */
    int[] heldBy(int worker) {
        int n = 0;
        for (int at : location) {
            if (at == worker) {
                n++;
            }
        }
        int[] blocks = new int[n];
        n = 0;
        for (int b = 0; b < location.length; b++) {
            if (location[b] == worker) {
                blocks[n++] = b;
            }
        }
        return blocks;
    }

    /** All blocks are back at the coordinator. */
    void returned() {
        Arrays.fill(location, COORDINATOR);
    }

    boolean atCoordinator(int block) {
        return location[block] == COORDINATOR;
    }
}
