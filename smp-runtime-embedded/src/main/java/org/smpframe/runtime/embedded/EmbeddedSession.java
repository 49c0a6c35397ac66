package org.smpframe.runtime.embedded;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smpframe.api.Aggregator;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Evaluation;
import org.smpframe.api.Optimality;
import org.smpframe.api.ResidentHolder;
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
import org.smpframe.api.WireFormat;
import org.smpframe.api.WorkerTask;
import org.smpframe.runtime.core.RoundLoop;
import org.smpframe.runtime.core.TrafficCounter;

/**
 * One program's workers and aggregator in this JVM, and the round loop that drives them.
 *
 * <p>A round is one fork-join over the workers: each applies the previous round's commit and then pushes its
 * partial for this round's schedule (fusing the two saves a barrier per round); the aggregator then pulls on
 * this thread. Commits therefore reach every worker before its next push, so workers always compute on the
 * fully committed model; only the scheduler may lag, by the pipeline depth.
 */
final class EmbeddedSession<P, C, S> implements SmpSession {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSession.class);

    private final SmpProgram<P, C, S> program;
    private final Aggregator<P, C, S> aggregator;
    private final List<WorkerTask<P, C, S>> workers;
    private final WorkerGang gang;
    private final Object[] partials;
    private final Object[] stats;
    private final BlockRelay<?> blocks;
    private final TrafficCounter traffic = new TrafficCounter();
    private C pendingCommit;
    private boolean verifyWireFormats;

    EmbeddedSession(SmpProgram<P, C, S> program, int numWorkers) {
        this.program = program;
        this.aggregator = program.aggregator();
        program.partition(numWorkers);
        List<WorkerTask<P, C, S>> ws = new ArrayList<>(numWorkers);
        for (int p = 0; p < numWorkers; p++) {
            ws.add(program.createWorker(p, numWorkers));
        }
        this.workers = List.copyOf(ws);
        this.gang = new WorkerGang(numWorkers, "smp-worker-");
        this.partials = new Object[numWorkers];
        this.stats = new Object[numWorkers];
        this.blocks = BlockRelay.of(program.movingBlocks(), workers, traffic);
    }

    @Override
    public RunSummary run(Scheduler scheduler, RunOptions options, RoundListener listener) {
        verifyWireFormats = options.verifyWireFormats();
        traffic.reset();
        LOG.debug("{}: running {} on {} workers, pipeline depth {}", program.name(), scheduler.name(),
                workers.size(), options.pipelineDepth());
        RoundLoop.Outcome o = RoundLoop.run(scheduler, SchedulerContext.of(program, workers.size(), options.seed()),
                options, listener, false, new RoundLoop.Runner() {
                    @Override
                    public void beginRun() {
                        if (pendingCommit != null) {
                            onEveryWorker((p, w) -> { }); // the last run's commit before the aggregator moves on
                        }
                        C begin = aggregator.beginRun();
                        if (begin != null) {
                            pendingCommit = begin;
                        }
                        if (blocks != null) {
                            blocks.takeAll();
                        }
                    }

                    @Override
                    public void round(Schedule schedule, Schedule next, ChangeSet changes) {
                        step(verifyWireFormats ? Schedule.FORMAT.roundTrip(schedule) : schedule);
                        pendingCommit = aggregator.pull(schedule, partialList(), changes);
                    }

                    @Override
                    public void afterRounds() {
                        // Also when a round fails: the program gets back every block not stuck in a failed worker.
                        if (blocks != null) {
                            blocks.parkAll();
                        }
                    }

                    @Override
                    public void endRun() {
                        gatherResidentModel();
                    }

                    @Override
                    public boolean optimality(Optimality into) {
                        return aggregator.reportOptimality(into);
                    }

                    @Override
                    public Evaluation evaluate() {
                        return EmbeddedSession.this.evaluate();
                    }

                    @Override
                    public RoundLoop.ProgramState saveProgram() {
                        return EmbeddedSession.this.saveProgram();
                    }

                    @Override
                    public void restoreProgram(RoundLoop.ProgramState state) {
                        EmbeddedSession.this.restoreProgram(state);
                    }
                });
        return new RunSummary(o.reason(), o.rounds(), o.updates(), o.seconds(), o.last(), traffic.snapshot());
    }

    private void gatherResidentModel() {
        ResidentModel<?> resident = program.residentModel();
        if (resident != null) {
            if (pendingCommit != null) {
                onEveryWorker((p, w) -> { }); // the parts must reflect the last commit
            }
            gather(resident);
        }
    }

    @SuppressWarnings("unchecked")
    private <R> void gather(ResidentModel<R> resident) {
        for (int p = 0; p < workers.size(); p++) {
            if (!(workers.get(p) instanceof ResidentHolder<?> holder)) {
                throw new IllegalStateException("the program has a resident model but its worker " + p
                        + " does not implement ResidentHolder");
            }
            resident.gather(p, wire(resident.format(), ((ResidentHolder<R>) holder).residentPart()));
        }
    }

    /**
     * Every worker applies the pending commit, then pushes its partial for {@code schedule}, holding the moving
     * blocks of its share (if the program has any) only during the push.
     */
    private void step(Schedule schedule) {
        if (blocks == null) {
            onEveryWorker((p, w) -> partials[p] = wire(program.partialFormat(), w.push(schedule), TrafficCounter.PARTIAL));
            return;
        }
        blocks.check(schedule);
        onEveryWorker((p, w) -> {
            blocks.deliver(p, schedule, verifyWireFormats);
            partials[p] = wire(program.partialFormat(), w.push(schedule), TrafficCounter.PARTIAL);
            blocks.collect(p, schedule, verifyWireFormats);
        });
    }

    /**
     * Runs {@code work} on every worker in parallel, each first applying the pending commit: commits travel with
     * the next request to the workers, so a round costs one fork-join.
     */
    private void onEveryWorker(WorkerStep<P, C, S> work) {
        final C commit = pendingCommit;
        gang.runAll(p -> {
            WorkerTask<P, C, S> w = workers.get(p);
            if (commit != null) {
                w.apply(wire(program.commitFormat(), commit, TrafficCounter.COMMIT));
            }
            work.run(p, w);
        });
        pendingCommit = null;
    }

    @FunctionalInterface
    private interface WorkerStep<P, C, S> {
        void run(int worker, WorkerTask<P, C, S> task);
    }

    private RoundLoop.ProgramState saveProgram() {
        byte[][] states = new byte[workers.size()][];
        onEveryWorker((p, w) -> states[p] = StateIo.toBytes(w::saveState));
        return new RoundLoop.ProgramState(StateIo.toBytes(aggregator::saveState), List.of(states),
                blocks == null ? List.of() : blocks.encodeAll());
    }

    private void restoreProgram(RoundLoop.ProgramState state) {
        if (state.workers().size() != workers.size()) {
            throw new IllegalArgumentException("the checkpoint holds the state of " + state.workers().size()
                    + " workers; this run has " + workers.size());
        }
        restore("the aggregator", state.aggregator(), aggregator::restoreState);
        onEveryWorker((p, w) -> restore("worker " + p, state.workers().get(p), w::restoreState));
        if (blocks != null) {
            blocks.decodeAll(state.blocks());
        } else if (!state.blocks().isEmpty()) {
            throw new IllegalArgumentException("the checkpoint holds model blocks; this program has none");
        }
    }

    private interface StateReader {
        void read(DataInputStream in) throws IOException;
    }

    private static void restore(String who, byte[] state, StateReader reader) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            reader.read(in);
            if (in.available() != 0) {
                throw new IOException(in.available() + " bytes left over");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the checkpoint's state of " + who + " does not fit this run: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Evaluation evaluate() {
        onEveryWorker((p, w) -> stats[p] = wire(program.statsFormat(), w.localStats(), TrafficCounter.STATS));
        return aggregator.evaluate(statsList());
    }

    private <T> T wire(WireFormat<T> format, T value) {
        return verifyWireFormats ? format.roundTrip(value) : value;
    }

    /** As {@link #wire(WireFormat, Object)}, counting the encoded bytes as {@code kind}. */
    private <T> T wire(WireFormat<T> format, T value, int kind) {
        if (!verifyWireFormats) {
            return value;
        }
        traffic.add(kind, format.encodedSize(value));
        return format.roundTrip(value);
    }

    @SuppressWarnings("unchecked")
    private List<P> partialList() {
        return (List<P>) Arrays.asList(partials);
    }

    @SuppressWarnings("unchecked")
    private List<S> statsList() {
        return (List<S>) Arrays.asList(stats);
    }

    @Override
    public void close() {
        gang.close();
    }
}
