package org.smpframe.runtime.embedded;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs one task on P workers at once and waits for all of them: a fork-join whose threads live for the whole
 * session, so that a round costs two hand-offs (wake the workers, wake the caller), not thread creation.
 *
 * <p>The caller's thread does worker 0's share itself. Waiting threads spin before parking: SMP rounds can be a
 * few microseconds of work, and on the benchmark machine (a virtual machine) waking a parked thread costs about
 * 100 µs: with the 50 µs spin this class once had, a feature-sharded Lasso at P = 2 spent 120 µs of every 150 µs
 * round waking its other worker. When there is a core per thread the spin lasts up to {@value #SPIN_NANOS_OWN_CORE}
 * ns, longer than the gaps between a session's rounds (its pull and scheduling); on a machine with fewer cores than
 * threads a long spin would steal the core from the thread being waited for, and it lasts
 * {@value #SPIN_NANOS_SHARED_CORE} ns.
 *
 * <p>Each waiting thread adapts its spin to the waits it sees: to twice the last wait when that was shorter than
 * the longest spin, else halved (down to {@value #SPIN_NANOS_SHARED_CORE} ns). A spinning thread is not free even
 * on its own core: on the benchmark machine a thread spinning on the second vCPU made a one-thread Lasso fit 2x
 * slower, and a feature-sharded fit at P = 2 whose working set goes whole to one worker (golub) ran 3x slower
 * than at P = 1 while the idle worker spun through every round. Rounds of microseconds keep the full spin.
 *
 * <p>Worker threads are pinned to a worker index, so each worker's state is always touched by the same thread
 * (good for caches, and it mirrors a worker process of the cluster runtime).
 */
final class WorkerGang implements AutoCloseable {
    /** Longest spin before parking when every thread has a core. */
    static final long SPIN_NANOS_OWN_CORE = 1_000_000;
    /** Longest spin before parking when threads share cores. */
    static final long SPIN_NANOS_SHARED_CORE = 20_000;

    private final long spinNanos;
    /** The caller's spin (one session thread calls {@link #runAll} at a time). */
    private final Spin callerSpin;

    private final int size;
    private final Thread[] threads;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long generation;
    private volatile IntConsumer task;
    private volatile Thread waiter;
    private volatile Throwable failure;
    private volatile boolean closed;

    WorkerGang(int size, String namePrefix) {
        if (size <= 0) {
            throw new IllegalArgumentException("need at least one worker, got " + size);
        }
        this.size = size;
        this.spinNanos = size <= Runtime.getRuntime().availableProcessors() ? SPIN_NANOS_OWN_CORE
                : SPIN_NANOS_SHARED_CORE;
        this.callerSpin = new Spin(spinNanos);
        this.threads = new Thread[size - 1];
        for (int i = 1; i < size; i++) {
            final int worker = i;
            Thread t = new Thread(() -> loop(worker), namePrefix + worker);
            t.setDaemon(true);
            threads[i - 1] = t;
            t.start();
        }
    }

    int size() {
        return size;
    }

    /** Runs {@code work.accept(p)} for every worker p, in parallel, and returns when all are done. */
    void runAll(IntConsumer work) {
        if (closed) {
            throw new IllegalStateException("worker gang is closed");
        }
        failure = null;
        task = work;
        waiter = Thread.currentThread();
        pending.set(size - 1);
        generation++; // volatile write: publishes task and pending to the workers
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
        try {
            work.accept(0);
        } catch (Throwable t) {
            failure = t;
        }
        Spin spin = callerSpin;
        spin.begin();
        while (pending.get() != 0) {
            if (spin.again()) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        spin.end();
        Throwable f = failure;
        if (f != null) {
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException("worker failed", f);
        }
    }

    private void loop(int worker) {
        long seen = 0;
        Spin spin = new Spin(spinNanos);
        while (true) {
            spin.begin();
            while (generation == seen && !closed) {
                if (spin.again()) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            spin.end();
            if (closed) {
                return;
            }
            seen = generation;
            try {
                task.accept(worker);
            } catch (Throwable t) {
                failure = t;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(waiter);
            }
        }
    }

    /**
     * One thread's spin before it parks, reused for every wait: at most {@code budget} ns, the clock read every 64
     * turns, and the budget adapted after each wait (see the class comment).
     */
    private static final class Spin {
        private final long max;
        private long budget;
        private long start;
        private int turns;

        Spin(long max) {
            this.max = max;
            this.budget = max;
        }

        void begin() {
            start = System.nanoTime();
            turns = 0;
        }

        boolean again() {
            if ((++turns & 63) != 0) {
                return true;
            }
            return System.nanoTime() - start < budget;
        }

        void end() {
            long waited = System.nanoTime() - start;
            budget = waited < max ? Math.min(max, Math.max(SPIN_NANOS_SHARED_CORE, 2 * waited))
                    : Math.max(Math.min(max, SPIN_NANOS_SHARED_CORE), budget / 2);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
        for (Thread t : threads) {
            try {
                t.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
