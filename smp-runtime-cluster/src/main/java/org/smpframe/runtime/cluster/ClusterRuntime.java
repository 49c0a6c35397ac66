package org.smpframe.runtime.cluster;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.SmpRuntime;
import org.smpframe.api.SmpSession;
import org.smpframe.runtime.cluster.Protocol.Aborted;
import org.smpframe.runtime.cluster.Protocol.Assign;
import org.smpframe.runtime.cluster.Protocol.CoordinatorEvent;
import org.smpframe.runtime.cluster.Protocol.Ready;
import org.smpframe.runtime.cluster.Protocol.Register;
import org.smpframe.runtime.cluster.Protocol.Shutdown;
import org.smpframe.runtime.cluster.Protocol.WorkerCommand;
import org.smpframe.runtime.cluster.Protocol.WorkerFailed;
import org.smpframe.runtime.cluster.Protocol.WorkerLost;

/**
 * The coordinator of a cluster run: an Apache Pekko Cluster node that runs the scheduler and the aggregator,
 * while worker processes ({@link WorkerNode}) hold the data shards and the moving model blocks and run push.
 *
 * <p>Workers do not receive code or data from here: each builds the same program itself from the job description
 * given to {@link #start} (for the command line, the app's arguments and a fingerprint of its input files) and
 * keeps its own shard. A runtime runs one program (one {@link #open}); that is one job.
 */
public final class ClusterRuntime implements SmpRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRuntime.class);

    private final ActorSystem<CoordinatorEvent> system;
    private final BlockingQueue<CoordinatorEvent> events = new LinkedBlockingQueue<>();
    private final Transfers transfers;
    private final int numWorkers;
    private final byte[] job;
    private final Duration joinTimeout;
    private final Duration readyTimeout;
    private final List<ActorRef<WorkerCommand>> workers = new ArrayList<>();
    private final List<ActorRef<BlockPort.Message>> ports = new ArrayList<>();
    private boolean opened;
    private volatile boolean closed;

    private ClusterRuntime(ClusterSettings settings, int numWorkers, byte[] job) {
        if (numWorkers <= 0) {
            throw new IllegalArgumentException("the number of workers must be positive, got " + numWorkers);
        }
        this.numWorkers = numWorkers;
        this.job = job.clone();
        Config config = settings.config("coordinator");
        this.joinTimeout = config.getDuration("smp.cluster.join-timeout");
        this.readyTimeout = config.getDuration("smp.cluster.ready-timeout");
        this.transfers = Transfers.from(config, -1);
        this.system = startNode(CoordinatorActor.create(events, transfers, numWorkers), config, settings);
        // If the node stops under the session (it should only stop in close), waiting must end, not hang.
        system.getWhenTerminated().thenRun(() -> {
            if (!closed) {
                events.add(new Aborted("the coordinator's cluster node stopped"));
                transfers.fail("the coordinator's cluster node stopped");
            }
        });
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }

    /** An actor system on the settings' address, or a clear message why it cannot listen there. */
    static <T> ActorSystem<T> startNode(org.apache.pekko.actor.typed.Behavior<T> guardian, Config config,
                                        ClusterSettings settings) {
        try {
            return ActorSystem.create(guardian, ClusterSettings.SYSTEM_NAME, config);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new ClusterException("cannot start a cluster node at " + settings.host() + ":" + settings.port()
                    + " (is the address this machine's, and the port free?): " + root.getMessage(), e);
        }
    }

    /**
     * Ends the job's current wait with {@code reason}: for a caller that knows a worker cannot come (its process
     * exited before joining, say) sooner than the failure detector or a timeout would.
     */
    public void abort(String reason) {
        events.add(new Aborted(reason));
        transfers.fail(reason);
    }

    /**
     * Starts the coordinator's node, which then waits for {@code numWorkers} workers to join (they may be started
     * before or after; {@link #open} waits for them).
     *
     * @param job what every worker needs to build the program: handed to its {@link ProgramFactory}
     */
    public static ClusterRuntime start(ClusterSettings settings, int numWorkers, byte[] job) {
        return new ClusterRuntime(settings, numWorkers, job);
    }

    /** The address workers join, as HOST:PORT (the port is known once started, also when 0 was asked for). */
    public String address() {
        Address a = Cluster.get(system).selfMember().address();
        return a.host().get() + ":" + a.port().get();
    }

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public int numWorkers() {
        return numWorkers;
    }

    /** Waits until {@code numWorkers} workers have joined and registered. */
    public void awaitWorkers() {
        long deadline = System.nanoTime() + joinTimeout.toNanos();
        while (workers.size() < numWorkers) {
            CoordinatorEvent e = next(deadline, "waiting for " + numWorkers + " workers to join " + address()
                    + " (" + workers.size() + " joined; start them with: smp worker --join " + address() + ")");
            if (e instanceof Register r) {
                workers.add(r.worker());
                ports.add(r.blocks());
                LOG.info("worker {} joined from {}", workers.size() - 1, r.worker().path().address());
            } else {
                throw new IllegalStateException("unexpected " + e.getClass().getSimpleName() + " before the run");
            }
        }
    }

    @Override
    public <P, C, S> SmpSession open(SmpProgram<P, C, S> program) {
        if (opened) {
            throw new IllegalStateException("a cluster runtime runs one program; start another for the next one");
        }
        opened = true;
        program.partition(numWorkers);
        awaitWorkers();
        for (int p = 0; p < numWorkers; p++) {
            workers.get(p).tell(new Assign(p, numWorkers, transfers.payload(job, ports.get(p)), List.copyOf(ports),
                    transfers.port()));
        }
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        for (int ready = 0; ready < numWorkers; ready++) {
            CoordinatorEvent e = next(deadline, "waiting for the workers to load their data and build the program");
            if (!(e instanceof Ready r)) {
                throw new IllegalStateException("unexpected " + e.getClass().getSimpleName() + " while building");
            }
            if (!r.program().equals(program.name()) || r.numParameters() != program.numParameters()) {
                throw new ClusterException(String.format("worker %d built %s with %d parameters, the coordinator %s"
                                + " with %d: the workers must read the same data with the same options", r.worker(),
                        r.program(), r.numParameters(), program.name(), program.numParameters()));
            }
        }
        LOG.info("{} workers ready for {}", numWorkers, program.name());
        return new ClusterSession<>(this, program);
    }

    List<ActorRef<WorkerCommand>> workers() {
        return workers;
    }

    List<ActorRef<BlockPort.Message>> ports() {
        return ports;
    }

    Transfers transfers() {
        return transfers;
    }

    /** The next worker message; a lost or failed worker ends the run with its reason. */
    CoordinatorEvent next() {
        return next(Long.MAX_VALUE, null);
    }

    private CoordinatorEvent next(long deadlineNanos, String waitingFor) {
        CoordinatorEvent e;
        try {
            if (deadlineNanos == Long.MAX_VALUE) {
                e = events.take();
            } else {
                e = events.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (e == null) {
                    throw new ClusterException("timed out " + waitingFor,
                            new TimeoutException(waitingFor));
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted" + (waitingFor == null ? "" : " " + waitingFor));
        }
        if (e instanceof WorkerLost l) {
            if (l.worker() >= numWorkers) {
                return next(deadlineNanos, waitingFor); // a surplus worker that was turned away
            }
            throw new WorkerLostException(l.worker(), l.address(), l.why());
        }
        if (e instanceof Aborted a) {
            throw new ClusterException(a.why());
        }
        if (e instanceof WorkerFailed f) {
            throw new ClusterException("worker " + f.worker() + " failed: " + f.message());
        }
        if (e instanceof Register r && workers.size() >= numWorkers) {
            r.worker().tell(new Shutdown("the coordinator has its " + numWorkers + " workers already"));
            return next(deadlineNanos, waitingFor);
        }
        return e;
    }

    /**
     * Waits until the workers have left the cluster: a leaving node needs the coordinator (the leader) to confirm
     * its removal, so stopping the coordinator first would make every worker wait out its shutdown timeout.
     */
    private void awaitWorkersGone(long millis) {
        Cluster cluster = Cluster.get(system);
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            boolean others = false;
            for (Member m : cluster.state().getMembers()) {
                others |= !m.address().equals(cluster.selfMember().address());
            }
            if (!others) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Tells every worker to leave and stops this node (bounded: a stuck shutdown must not hang the caller). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ActorRef<WorkerCommand> w : workers) {
            w.tell(new Shutdown("the job is over"));
        }
        // Workers whose registration was never taken (they came late, or too many came) must leave too.
        for (CoordinatorEvent e; (e = events.poll()) != null; ) {
            if (e instanceof Register r && !workers.contains(r.worker())) {
                r.worker().tell(new Shutdown("the job is over"));
            }
        }
        awaitWorkersGone(10_000);
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("the coordinator's actor system did not stop within 15 s: {}", e.toString());
        }
    }
}
