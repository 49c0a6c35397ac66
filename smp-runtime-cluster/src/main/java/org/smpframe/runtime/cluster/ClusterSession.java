package org.smpframe.runtime.cluster;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.pekko.actor.typed.ActorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smpframe.api.Aggregator;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Evaluation;
import org.smpframe.api.MovingBlocks;
import org.smpframe.api.Optimality;
import org.smpframe.api.ResidentModel;
import org.smpframe.api.RoundListener;
import org.smpframe.api.RunOptions;
import org.smpframe.api.RunSummary;
import org.smpframe.api.Schedule;
import org.smpframe.api.Scheduler;
import org.smpframe.api.SchedulerContext;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.SmpSession;
import org.smpframe.api.StateIo;
import org.smpframe.runtime.core.RoundLoop;
import org.smpframe.runtime.core.TrafficCounter;
import org.smpframe.runtime.cluster.Protocol.CoordinatorEvent;
import org.smpframe.runtime.cluster.Protocol.EndRun;
import org.smpframe.runtime.cluster.Protocol.Evaluate;
import org.smpframe.runtime.cluster.Protocol.Pushed;
import org.smpframe.runtime.cluster.Protocol.RunEnded;
import org.smpframe.runtime.cluster.Protocol.RestoreState;
import org.smpframe.runtime.cluster.Protocol.SaveState;
import org.smpframe.runtime.cluster.Protocol.Stats;
import org.smpframe.runtime.cluster.Protocol.WorkerState;
import org.smpframe.runtime.cluster.Protocol.Step;
import org.smpframe.runtime.cluster.Protocol.WorkerCommand;

/**
 * The round loop of a cluster run, on the coordinator: the same loop as the embedded runtime's (so a run gives
 * the same result on either for a fixed seed), with the workers' side done by remote processes.
 *
 * <p>A round sends every worker one {@link Step} carrying the previous round's commit (fused with the next push,
 * as in the embedded runtime: one exchange per round) and waits for their partials; the aggregator then pulls on
 * this thread. Blocks move between workers as {@link BlockRoutes} plans them.
 */
final class ClusterSession<P, C, S> implements SmpSession {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSession.class);

    private final ClusterRuntime runtime;
    private final SmpProgram<P, C, S> program;
    private final Aggregator<P, C, S> aggregator;
    private final int numWorkers;
    private final Transfers transfers;
    private final List<ActorRef<WorkerCommand>> workers;
    private final List<ActorRef<BlockPort.Message>> ports;
    private final MovingBlocks<?> blocks;
    private final BlockRoutes routes;
    private final Object[] held; // blocks resting at the coordinator
    private final TrafficCounter traffic = new TrafficCounter();
    private final List<P> partials;
    private C pendingCommit;
    private WorkerTimes times = WorkerTimes.ZERO;
    private long pullNanos;
    private long[] workerCompute;

    ClusterSession(ClusterRuntime runtime, SmpProgram<P, C, S> program) {
        this.runtime = runtime;
        this.program = program;
        this.aggregator = program.aggregator();
        this.numWorkers = runtime.numWorkers();
        this.transfers = runtime.transfers();
        this.workers = runtime.workers();
        this.ports = runtime.ports();
        this.blocks = program.movingBlocks();
        this.routes = blocks == null ? null : new BlockRoutes(blocks, numWorkers);
        this.held = blocks == null ? null : new Object[blocks.count()];
        this.partials = new ArrayList<>(Collections.nCopies(numWorkers, null));
    }

    @Override
    public RunSummary run(Scheduler scheduler, RunOptions options, RoundListener listener) {
        traffic.reset();
        times = WorkerTimes.ZERO;
        pullNanos = 0;
        workerCompute = new long[numWorkers];
        RoundLoop.Outcome o = RoundLoop.run(scheduler, SchedulerContext.of(program, numWorkers, options.seed()),
                options, listener, blocks != null, new RoundLoop.Runner() {
                    @Override
                    public void beginRun() {
                        if (pendingCommit != null) {
                            evaluate(); // delivers the last run's commit before the aggregator moves on
                        }
                        C begin = aggregator.beginRun();
                        if (begin != null) {
                            pendingCommit = begin;
                        }
                        if (blocks != null) {
                            for (int b = 0; b < held.length; b++) {
                                held[b] = blocks.take(b);
                            }
                        }
                    }

                    @Override
                    public void round(Schedule schedule, Schedule next, ChangeSet changes) {
                        step(schedule, next);
                        long pullStart = System.nanoTime();
                        pendingCommit = aggregator.pull(schedule, partials, changes);
                        pullNanos += System.nanoTime() - pullStart;
                    }

                    @Override
                    public void afterRounds() {
                        // After a failure the blocks are lost with the worker that held them: nothing to give back.
                    }

                    @Override
                    public void endRun() {
                        ClusterSession.this.endRun();
                    }

                    @Override
                    public boolean optimality(Optimality into) {
                        return aggregator.reportOptimality(into);
                    }

                    @Override
                    public Evaluation evaluate() {
                        return ClusterSession.this.evaluate();
                    }

                    @Override
                    public RoundLoop.ProgramState saveProgram() {
                        return ClusterSession.this.saveProgram();
                    }

                    @Override
                    public void restoreProgram(RoundLoop.ProgramState state) {
                        ClusterSession.this.restoreProgram(state);
                    }
                });
        logRun(o.rounds(), (long) (o.seconds() * 1e9));
        return new RunSummary(o.reason(), o.rounds(), o.updates(), o.seconds(), o.last(), traffic.snapshot());
    }

    /** One round on every worker: hand out blocks resting here, send the steps, gather the partials. */
    private void step(Schedule schedule, Schedule next) {
        BlockRoutes.Plan plan = routes == null ? null : routes.plan(schedule, next);
        if (plan != null) {
            sendFromCoordinator(plan);
        }
        byte[] scheduleBytes = Codec.encode(Schedule.FORMAT, schedule);
        byte[] commit = commitBytes();
        int[] none = new int[0];
        for (int p = 0; p < numWorkers; p++) {
            // A big schedule (thousands of coordinates) is chunked like a big commit: a control message must
            // stay below the frame size, or Pekko drops it.
            workers.get(p).tell(new Step(schedule.round(), commitPayload(commit, p),
                    transfers.payload(scheduleBytes, ports.get(p)),
                    plan == null ? none : plan.forwards()[p], plan == null ? none : plan.after()[p]));
        }
        pendingCommit = null;
        for (int received = 0; received < numWorkers; received++) {
            Pushed pushed = expect(Pushed.class, runtime.next());
            if (pushed.round() != schedule.round()) {
                throw new IllegalStateException("worker " + pushed.worker() + " pushed round " + pushed.round()
                        + " during round " + schedule.round());
            }
            byte[] bytes = transfers.bytes(pushed.partial());
            traffic.add(TrafficCounter.PARTIAL, bytes.length);
            traffic.add(TrafficCounter.BLOCK, pushed.blocksSent(), pushed.blockBytesSent());
            times = times.plus(pushed.times());
            workerCompute[pushed.worker()] += pushed.times().computeNanos();
            partials.set(pushed.worker(), Codec.decode(program.partialFormat(), bytes, "a partial of worker "
                    + pushed.worker()));
        }
    }

    @SuppressWarnings("unchecked")
    private <B> void sendFromCoordinator(BlockRoutes.Plan plan) {
        MovingBlocks<B> typed = (MovingBlocks<B>) blocks;
        for (int i = 0; i < plan.fromCoordinator().length; i++) {
            int b = plan.fromCoordinator()[i];
            byte[] bytes = Codec.encode(typed.format(), (B) held[b]);
            held[b] = null;
            traffic.add(TrafficCounter.BLOCK, bytes.length);
            transfers.send(b, bytes, ports.get(plan.fromCoordinatorTo()[i]));
        }
    }

    private byte[] commitBytes() {
        return pendingCommit == null ? null : Codec.encode(program.commitFormat(), pendingCommit);
    }

    private Payload commitPayload(byte[] commit, int worker) {
        if (commit == null) {
            return null;
        }
        traffic.add(TrafficCounter.COMMIT, commit.length);
        return transfers.payload(commit, ports.get(worker));
    }

    @Override
    public Evaluation evaluate() {
        byte[] commit = commitBytes();
        for (int p = 0; p < numWorkers; p++) {
            workers.get(p).tell(new Evaluate(commitPayload(commit, p)));
        }
        pendingCommit = null;
        List<S> stats = new ArrayList<>(Collections.nCopies(numWorkers, null));
        for (int received = 0; received < numWorkers; received++) {
            Stats s = expect(Stats.class, runtime.next());
            byte[] bytes = transfers.bytes(s.stats());
            traffic.add(TrafficCounter.STATS, bytes.length);
            stats.set(s.worker(), Codec.decode(program.statsFormat(), bytes, "statistics of worker " + s.worker()));
        }
        return aggregator.evaluate(stats);
    }

    /**
     * The aggregator's state and every worker's, gathered as an evaluation gathers statistics, and the model
     * blocks, which travel between the workers: they are first called back to the coordinator, as at a run's end
     * (moving a block does not change it), and the next round hands them out again as a run's first round does.
     */
    private RoundLoop.ProgramState saveProgram() {
        List<byte[]> blockStates = blocks == null ? List.of() : gatherBlocks();
        byte[] commit = commitBytes();
        for (int p = 0; p < numWorkers; p++) {
            workers.get(p).tell(new SaveState(commitPayload(commit, p)));
        }
        pendingCommit = null;
        List<byte[]> states = new ArrayList<>(Collections.nCopies(numWorkers, null));
        for (int received = 0; received < numWorkers; received++) {
            WorkerState w = expect(WorkerState.class, runtime.next());
            states.set(w.worker(), transfers.bytes(w.state()));
        }
        return new RoundLoop.ProgramState(StateIo.toBytes(aggregator::saveState), states, blockStates);
    }

    /** Calls every block back to the coordinator (kept there for the next round) and returns their encodings. */
    @SuppressWarnings("unchecked")
    private <B> List<byte[]> gatherBlocks() {
        MovingBlocks<B> typed = (MovingBlocks<B>) blocks;
        byte[] commit = commitBytes();
        for (int p = 0; p < numWorkers; p++) {
            workers.get(p).tell(new EndRun(commitPayload(commit, p), routes.heldBy(p), false));
        }
        pendingCommit = null;
        for (int received = 0; received < numWorkers; received++) {
            RunEnded ended = expect(RunEnded.class, runtime.next());
            traffic.add(TrafficCounter.BLOCK, ended.blocksSent(), ended.blockBytesSent());
        }
        List<byte[]> encoded = new ArrayList<>(held.length);
        for (int b = 0; b < held.length; b++) {
            byte[] bytes;
            if (!routes.atCoordinator(b)) {
                bytes = transfers.await(b);
                held[b] = Codec.decode(typed.format(), bytes, "block " + b);
            } else {
                B state = (B) held[b];
                if (state == null) { // after the run's end: the program has it
                    state = typed.take(b);
                    typed.park(b, state);
                }
                bytes = Codec.encode(typed.format(), state);
            }
            encoded.add(bytes);
        }
        routes.returned();
        return encoded;
    }

    private void restoreProgram(RoundLoop.ProgramState state) {
        if (state.workers().size() != numWorkers) {
            throw new IllegalArgumentException("the checkpoint holds the state of " + state.workers().size()
                    + " workers; this run has " + numWorkers);
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state.aggregator()));
            aggregator.restoreState(in);
            if (in.available() != 0) {
                throw new IOException(in.available() + " bytes left over");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the checkpoint's state of the aggregator does not fit this run: "
                    + e.getMessage(), e);
        }
        for (int p = 0; p < numWorkers; p++) {
            workers.get(p).tell(new RestoreState(transfers.payload(state.workers().get(p), ports.get(p))));
        }
        for (int received = 0; received < numWorkers; received++) {
            expect(WorkerState.class, runtime.next());
        }
        if (blocks != null) {
            restoreBlocks(state.blocks());
        } else if (!state.blocks().isEmpty()) {
            throw new IllegalArgumentException("the checkpoint holds model blocks; this program has none");
        }
    }

    /** The run has just handed its blocks to the coordinator: the checkpoint's replace them. */
    private void restoreBlocks(List<byte[]> encoded) {
        if (encoded.size() != held.length) {
            throw new IllegalArgumentException("the checkpoint holds " + encoded.size() + " model blocks; this run has "
                    + held.length);
        }
        for (int b = 0; b < held.length; b++) {
            held[b] = Codec.decode(blocks.format(), encoded.get(b), "the checkpoint's block " + b);
        }
    }

    /** Brings every block back to the program and gathers the resident model, as the run ends. */
    private void endRun() {
        ResidentModel<?> resident = program.residentModel();
        if (blocks == null && resident == null) {
            return;
        }
        byte[] commit = commitBytes();
        for (int p = 0; p < numWorkers; p++) {
            workers.get(p).tell(new EndRun(commitPayload(commit, p), routes == null ? new int[0] : routes.heldBy(p),
                    resident != null));
        }
        pendingCommit = null;
        byte[][] parts = new byte[numWorkers][];
        for (int received = 0; received < numWorkers; received++) {
            RunEnded ended = expect(RunEnded.class, runtime.next());
            if (resident != null) {
                parts[ended.worker()] = transfers.bytes(ended.resident());
            }
            traffic.add(TrafficCounter.BLOCK, ended.blocksSent(), ended.blockBytesSent());
        }
        if (blocks != null) {
            parkAll();
        }
        if (resident != null) {
            gather(resident, parts);
        }
    }

    @SuppressWarnings("unchecked")
    private <B> void parkAll() {
        MovingBlocks<B> typed = (MovingBlocks<B>) blocks;
        for (int b = 0; b < held.length; b++) {
            B state = routes.atCoordinator(b) ? (B) held[b]
                    : Codec.decode(typed.format(), transfers.await(b), "block " + b);
            held[b] = null;
            typed.park(b, state);
        }
        routes.returned();
    }

    private static <R> void gather(ResidentModel<R> resident, byte[][] parts) {
        for (int p = 0; p < parts.length; p++) {
            resident.gather(p, Codec.decode(resident.format(), parts[p], "the resident model part of worker " + p));
        }
    }

    private static <T> T expect(Class<T> type, CoordinatorEvent e) {
        if (!type.isInstance(e)) {
            throw new IllegalStateException("expected " + type.getSimpleName() + " from a worker, got "
                    + e.getClass().getSimpleName());
        }
        return type.cast(e);
    }

    private void logRun(long rounds, long solverNanos) {
        if (rounds == 0) {
            return;
        }
        var t = traffic.snapshot();
        double perRound = 1e-6 / rounds;
        double perWorkerRound = perRound / numWorkers;
        double messages = (2.0 * numWorkers * rounds + t.blockMoves()) / rounds; // steps, partials, blocks
        LOG.info(String.format(Locale.ROOT, "cluster run: %d rounds in %.3f s (%.3f ms/round, pull %.3f ms); %.1f"
                        + " messages and %.1f KB/round (partials %.1f, commits %.1f, blocks %.1f); per worker and round:"
                        + " computing %.3f ms, waiting for blocks %.3f, applying the commit %.3f, sending blocks %.3f,"
                        + " idle %.3f",
                rounds, solverNanos * 1e-9, solverNanos * perRound, pullNanos * perRound, messages,
                t.totalBytes() / 1e3 / rounds,
                t.partialBytes() / 1e3 / rounds, t.commitBytes() / 1e3 / rounds, t.blockBytes() / 1e3 / rounds,
                times.computeNanos() * perWorkerRound, times.blockWaitNanos() * perWorkerRound,
                times.applyNanos() * perWorkerRound, times.sendNanos() * perWorkerRound,
                times.idleNanos() * perWorkerRound));
        LOG.debug("computing per worker (ms/round): {}", Arrays.toString(Arrays.stream(workerCompute)
                .mapToDouble(n -> n * perRound).toArray()));
    }

    @Override
    public void close() {
        // The workers live as long as the runtime: one job, one program.
    }
}
