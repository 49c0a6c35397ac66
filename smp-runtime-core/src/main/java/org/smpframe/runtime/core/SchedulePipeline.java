package org.smpframe.runtime.core;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Schedule;
import org.smpframe.api.Scheduler;

/**
 * Produces the schedules of a run, up to {@code depth} rounds ahead of the committed model.
 *
 * <p>The schedule of round t is computed after the scheduler has observed the changes of rounds 0 .. t-1-depth,
 * and never more: with depth 0 that is every earlier round (synchronous), with depth s &gt; 0 the scheduler
 * thread computes round t while round t-1 (and up to s-1 more) still run. Because what the scheduler sees is
 * fixed by the round numbers and not by timing, a run is repeatable for a fixed seed whatever the machine's load.
 */
public abstract class SchedulePipeline implements AutoCloseable {

    /** The schedule of {@code round}; rounds are taken in order 0, 1, 2, ... */
    public abstract Schedule take(long round);

    /** The changes committed in round {@code changes.round()}; rounds given in order. */
    public abstract void feedback(ChangeSet changes);

    @Override
    public abstract void close();

    public static SchedulePipeline create(Scheduler scheduler, int depth) {
        return create(scheduler, depth, 0);
    }

    /** A pipeline whose first round is {@code firstRound} (a resumed run); rounds are taken in order from it. */
    public static SchedulePipeline create(Scheduler scheduler, int depth, long firstRound) {
        return depth == 0 ? new Synchronous(scheduler) : new Threaded(scheduler, depth, firstRound);
    }

    /** Depth 0: observe, then schedule, on the caller's thread. */
    private static final class Synchronous extends SchedulePipeline {
        private final Scheduler scheduler;

        Synchronous(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public Schedule take(long round) {
            return scheduler.next(round);
        }

        @Override
        public void feedback(ChangeSet changes) {
            scheduler.observe(changes);
        }

        @Override
        public void close() {
        }
    }

    /** Depth s &gt; 0: the scheduler runs on its own thread, s rounds of feedback behind. */
    private static final class Threaded extends SchedulePipeline {
        private final Scheduler scheduler;
        private final int depth;
        private final long firstRound;
        private final BlockingQueue<ChangeSet> changes = new LinkedBlockingQueue<>();
        private final BlockingQueue<Object> schedules = new LinkedBlockingQueue<>();
        private final Thread thread;
        private volatile boolean closed;

        Threaded(Scheduler scheduler, int depth, long firstRound) {
            this.scheduler = scheduler;
            this.depth = depth;
            this.firstRound = firstRound;
            this.thread = new Thread(this::produce, "smp-scheduler");
            thread.setDaemon(true);
            thread.start();
        }

        private void produce() {
            long observedThrough = firstRound - 1;
            try {
                for (long t = firstRound; !closed; t++) {
                    while (observedThrough < t - 1 - depth) {
                        ChangeSet c = changes.take();
                        scheduler.observe(c);
                        observedThrough = c.round();
                    }
                    schedules.put(scheduler.next(t));
                }
            } catch (InterruptedException e) {
                // closed while waiting: the run is over
            } catch (Throwable t) {
                schedules.add(t);
            }
        }

        @Override
        public Schedule take(long round) {
            Object o;
            try {
                o = schedules.take();
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
            changes.add(copy);
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
