package org.smpframe.runtime.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Optimality;
import org.smpframe.api.Schedule;
import org.smpframe.api.Scheduler;
import org.smpframe.api.StateIo;

/**
 * Produces the schedules of a run, up to {@code depth} rounds ahead of the committed model.
 *
 * <p>The schedule of round t is computed after the scheduler has observed the changes of rounds 0 .. t-1-depth,
 * and never more: with depth 0 that is every earlier round (synchronous), with depth s &gt; 0 the scheduler
 * thread computes round t while round t-1 (and up to s-1 more) still run. Because what the scheduler sees is
 * fixed by the round numbers and not by timing, a run is repeatable for a fixed seed whatever the machine's load.
 *
 * <p>An {@link Optimality} report fed after round t's changes is observed with them: before the schedule of
 * round t + 1 + depth, never earlier (so again not depending on timing).
 */
public abstract class SchedulePipeline implements AutoCloseable {

    /** The schedule of {@code round}; rounds are taken in order 0, 1, 2, ... */
    public abstract Schedule take(long round);

    /** The changes committed in round {@code changes.round()}; rounds given in order. */
    public abstract void feedback(ChangeSet changes);

    /** An evaluation's report, taken after the rounds fed so far; copied, so the holder can be reused. */
    public abstract void feedback(Optimality report);

    /**
     * The scheduler's state and the schedules computed ahead, once every change given to {@link #feedback} has
     * been observed and the scheduler is idle (it waits for the next round's changes). Called between rounds, from
     * the thread that takes the schedules.
     */
    public abstract Snapshot snapshot();

    /**
     * What {@link #snapshot} returns: {@link org.smpframe.api.Scheduler#saveState}'s bytes and the schedules
     * computed ahead. Every report fed before the snapshot has been observed by then (a threaded scheduler observes
     * reports as soon as it waits for the next round's changes, and the snapshot waits for that).
     */
    public record Snapshot(byte[] schedulerState, List<Schedule> pending) {
    }

    @Override
    public abstract void close();

    public static SchedulePipeline create(Scheduler scheduler, int depth) {
        return create(scheduler, depth, 0);
    }

    /** A pipeline whose first round is {@code firstRound} (a resumed run); rounds are taken in order from it. */
    public static SchedulePipeline create(Scheduler scheduler, int depth, long firstRound) {
        return create(scheduler, depth, firstRound, List.of());
    }

    /**
     * A pipeline resumed at {@code firstRound}, whose scheduler (its state restored) had already computed the
     * {@code pending} schedules, for rounds firstRound, firstRound + 1, ...: they are handed out first.
     */
    public static SchedulePipeline create(Scheduler scheduler, int depth, long firstRound, List<Schedule> pending) {
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).round() != firstRound + i) {
                throw new IllegalArgumentException("pending schedule " + i + " is for round " + pending.get(i).round()
                        + ", expected " + (firstRound + i));
            }
        }
        return depth == 0 ? new Synchronous(scheduler, pending) : new Threaded(scheduler, depth, firstRound, pending);
    }

    static byte[] stateOf(Scheduler scheduler) {
        return StateIo.toBytes(scheduler::saveState);
    }

    /** Depth 0: observe, then schedule, on the caller's thread. */
    private static final class Synchronous extends SchedulePipeline {
        private final Scheduler scheduler;
        // Schedules computed ahead by the run a snapshot was taken of (a runner's lookahead), handed out first.
        private final ArrayDeque<Schedule> pending;

        Synchronous(Scheduler scheduler, List<Schedule> pending) {
            this.scheduler = scheduler;
            this.pending = new ArrayDeque<>(pending);
        }

        @Override
        public Schedule take(long round) {
            Schedule s = pending.poll();
            return s != null ? s : scheduler.next(round);
        }

        @Override
        public Snapshot snapshot() {
            return new Snapshot(stateOf(scheduler), List.copyOf(pending));
        }

        @Override
        public void feedback(ChangeSet changes) {
            scheduler.observe(changes);
        }

        @Override
        public void feedback(Optimality report) {
            scheduler.observeOptimality(report);
        }

        @Override
        public void close() {
        }
    }

    /**
     * Depth s &gt; 0: the scheduler runs on its own thread, s rounds of feedback behind. Both sides spin briefly
     * before they block on a queue: a round can be a few microseconds, and a park/unpark pair costs tens.
     */
    private static final class Threaded extends SchedulePipeline {
        private static final int SPINS = 2_000;

        private final Scheduler scheduler;
        private final int depth;
        private final long firstRound;
        // ChangeSets and Optimality reports, in the order they were fed.
        private final BlockingQueue<Object> changes = new LinkedBlockingQueue<>();
        private final BlockingQueue<Object> schedules = new LinkedBlockingQueue<>();
        private final long firstProduced;
        private final Thread thread;
        private volatile boolean closed;
        // The last round the scheduler computed, or that failed; written by the scheduler thread after the
        // schedule is queued, so a reader that sees it also sees the scheduler's state as of that moment.
        private volatile long produced;
        private volatile boolean failed;
        private long fedThrough; // last round given to feedback; the taking thread's
        private long fedItems;   // changes and reports given to feedback; the taking thread's
        // Items the scheduler thread has observed, written after it is done with each.
        private volatile long observedItems;

        Threaded(Scheduler scheduler, int depth, long firstRound, List<Schedule> pending) {
            this.scheduler = scheduler;
            this.depth = depth;
            this.firstRound = firstRound;
            this.schedules.addAll(pending);
            this.firstProduced = firstRound + pending.size();
            this.produced = firstProduced - 1;
            this.fedThrough = firstRound - 1;
            this.thread = new Thread(this::produce, "smp-scheduler");
            thread.setDaemon(true);
            thread.start();
        }

        private void produce() {
            long observedThrough = firstRound - 1;
            try {
                for (long t = firstProduced; !closed; t++) {
                    while (observedThrough < t - 1 - depth) {
                        Object item = spinTake(changes);
                        if (item instanceof Optimality report) {
                            scheduler.observeOptimality(report);
                        } else {
                            ChangeSet c = (ChangeSet) item;
                            scheduler.observe(c);
                            observedThrough = c.round();
                        }
                        observedItems++;
                    }
                    schedules.put(scheduler.next(t));
                    produced = t;
                }
            } catch (InterruptedException e) {
                // closed while waiting: the run is over
            } catch (Throwable t) {
                schedules.add(t);
                failed = true;
            }
        }

        @Override
        public Snapshot snapshot() {
            // Idle means: every change and report fed so far observed and the schedule of round
            // fedThrough + 1 + depth computed; the next one needs changes not fed yet. Checkpoints are rare: polling
            // is enough.
            long target = fedThrough + 1 + depth;
            while (produced < target || observedItems != fedItems) {
                if (failed) {
                    throw new IllegalStateException("scheduler " + scheduler.name() + " failed");
                }
                if (!thread.isAlive()) {
                    throw new IllegalStateException("the scheduler thread has stopped");
                }
                LockSupport.parkNanos(20_000);
            }
            List<Schedule> pending = new ArrayList<>();
            for (Object o : schedules) {
                if (o instanceof Throwable t) {
                    throw new IllegalStateException("scheduler " + scheduler.name() + " failed: " + t, t);
                }
                pending.add((Schedule) o);
            }
            return new Snapshot(stateOf(scheduler), pending);
        }

        @Override
        public Schedule take(long round) {
            Object o;
            try {
                o = spinTake(schedules);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the schedule of round " + round, e);
            }
            if (o instanceof Throwable t) {
                throw new IllegalStateException("scheduler " + scheduler.name() + " failed: " + t, t);
            }
            Schedule s = (Schedule) o;
            if (s.round() != round) {
                throw new IllegalStateException("scheduler returned round " + s.round() + " for round " + round);
            }
            return s;
        }

        @Override
        public void feedback(ChangeSet c) {
            ChangeSet copy = new ChangeSet();
            c.copyTo(copy);
            fedThrough = c.round();
            fedItems++;
            changes.add(copy);
        }

        @Override
        public void feedback(Optimality report) {
            Optimality copy = new Optimality();
            report.copyTo(copy);
            fedItems++;
            changes.add(copy);
        }

        private static Object spinTake(BlockingQueue<Object> queue) throws InterruptedException {
            for (int i = 0; i < SPINS; i++) {
                Object o = queue.poll();
                if (o != null) {
                    return o;
                }
                Thread.onSpinWait();
            }
            return queue.take();
        }

        @Override
        public void close() {
            closed = true;
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
