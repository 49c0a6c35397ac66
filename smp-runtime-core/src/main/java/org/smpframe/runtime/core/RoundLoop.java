package org.smpframe.runtime.core;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Evaluation;
import org.smpframe.api.Optimality;
import org.smpframe.api.RoundListener;
import org.smpframe.api.RunOptions;
import org.smpframe.api.RunSnapshot;
import org.smpframe.api.RunSummary.StopReason;
import org.smpframe.api.Schedule;
import org.smpframe.api.Scheduler;
import org.smpframe.api.SchedulerContext;
import org.smpframe.api.StopRequest;
import org.smpframe.api.TracePoint;

/**
 * The round loop every runtime runs: schedules from the pipeline, the stopping rules (round limit, time limit,
 * stop request, the app's convergence), evaluation every few rounds and at the end. One loop for all runtimes is
 * what makes a run give the same result on each of them; a runtime supplies only how a round is executed.
 */
public final class RoundLoop {
    private RoundLoop() {
    }

    /** How a runtime executes the parts of a run. */
    public interface Runner {
        /** Before the first round: hand the program's blocks out. */
        void beginRun();

        /**
         * Runs {@code schedule} on the workers and pulls, recording the committed changes in {@code changes}
         * (already reset to the round). {@code next} is the following round's schedule when it is known early
         * (see {@link RoundLoop#run}), else null.
         */
        void round(Schedule schedule, Schedule next, ChangeSet changes);

        /** After the last round, also when a round failed. */
        void afterRounds();

        /** After the last round of a run that did not fail: the program gets its state back. */
        void endRun();

        /** Evaluates the committed model. */
        Evaluation evaluate();

        /** The aggregator's {@link org.smpframe.api.Aggregator#reportOptimality report}; false if it has none. */
        default boolean optimality(Optimality into) {
            return false;
        }

        /**
         * The aggregator's and every worker's state ({@link org.smpframe.api.Aggregator#saveState},
         * {@link org.smpframe.api.WorkerTask#saveState}), after the commits so far are applied.
         */
        default ProgramState saveProgram() {
            throw new UnsupportedOperationException("this runtime cannot save a program's state; checkpoint the run"
                    + " on the embedded runtime");
        }

        /** Gives the aggregator and the workers the state {@link #saveProgram} returned, before the first round. */
        default void restoreProgram(ProgramState state) {
            throw new UnsupportedOperationException("this runtime cannot restore a program's state; resume the run"
                    + " on the embedded runtime");
        }
    }

    /** A program's state: the aggregator's bytes, each worker's in worker order, and each moving block's. */
    public record ProgramState(byte[] aggregator, List<byte[]> workers, List<byte[]> blocks) {
    }

    /** How a run ended: as {@link org.smpframe.api.RunSummary}, without the runtime's traffic counts. */
    public record Outcome(StopReason reason, long rounds, long updates, double seconds, TracePoint last) {
    }

    /**
     * Runs rounds of {@code scheduler} on {@code runner} as {@code options} say.
     *
     * <p>The model is evaluated every {@link RunOptions#evaluateEvery} rounds, after every round whose schedule
     * {@link Schedule#evaluateAfter asks for it}, and at the end. A scheduler that {@link Scheduler#wantsOptimality
     * wants} the aggregator's optimality reports gets one before the first round of a fresh run (after an
     * evaluation, if the aggregator has none yet) and after every evaluation.
     *
     * @param wantsLookahead whether the runner can use the next round's schedule early (to send blocks on); it
     *                       gets it when that changes nothing: a pipeline depth above 0 or a feedback-free
     *                       scheduler
     */
    public static Outcome run(Scheduler scheduler, SchedulerContext context, RunOptions options,
                              RoundListener listener, boolean wantsLookahead, Runner runner) {
        scheduler.init(context);
        RunSnapshot resume = options.resumeFrom();
        if (resume != null) {
            restore(scheduler, resume, options.pipelineDepth());
        }
        boolean lookahead = wantsLookahead && (options.pipelineDepth() > 0 || scheduler.feedbackFree());
        long timeLimitNanos = options.timeLimitSeconds() > 0 ? (long) (options.timeLimitSeconds() * 1e9) : Long.MAX_VALUE;
        long checkpointNanos = options.checkpointSeconds() > 0 ? (long) (options.checkpointSeconds() * 1e9)
                : Long.MAX_VALUE;
        ChangeSet changes = new ChangeSet();
        boolean wantsOptimality = scheduler.wantsOptimality();
        Optimality optimality = wantsOptimality ? new Optimality() : null;
        long solverNanos = resume == null ? 0 : (long) (resume.seconds() * 1e9);
        long updates = resume == null ? 0 : resume.updates();
        long round = options.firstRound();
        TracePoint last = null;
        StopReason reason = null;
        RunSnapshot finalSnapshot = null;
        if (resume != null && !resume.hasProgramState() && options.checkpointProgram()) {
            throw new IllegalArgumentException("the checkpoint holds no program state, which this run needs");
        }
        SchedulePipeline pipeline = null;
        try {
            runner.beginRun();
            if (resume != null && resume.hasProgramState()) {
                // After the blocks are handed out: the checkpoint's blocks replace them.
                runner.restoreProgram(new ProgramState(resume.aggregatorState(), resume.workerStates(),
                        resume.blockStates()));
            }
            Schedule next = null;
            boolean evaluatedAtStart = false;
            if (wantsOptimality && resume == null) {
                // A resumed run's scheduler has this report in its state already.
                optimality.reset(round, context.numParameters());
                if (!runner.optimality(optimality)) {
                    last = new TracePoint(solverNanos * 1e-9, round, updates, runner.evaluate());
                    listener.onEvaluation(last);
                    evaluatedAtStart = true;
                    if (last.evaluation().converged()) {
                        reason = StopReason.CONVERGED;
                    }
                    optimality.reset(round, context.numParameters());
                    if (!runner.optimality(optimality)) {
                        throw new IllegalStateException("the " + scheduler.name() + " scheduler needs optimality "
                                + "reports, and the program's aggregator gives none");
                    }
                }
                // Before the pipeline exists: a threaded one computes its first schedules at once, and they must
                // already see the report (or the first rounds of every run would be empty).
                scheduler.observeOptimality(optimality);
            }
            pipeline = SchedulePipeline.create(scheduler, options.pipelineDepth(), round,
                    resume == null ? List.of() : resume.pendingSchedules());
            if (options.checkpointAtStart() && resume == null) {
                listener.onCheckpoint(withProgram(snapshot(pipeline, null, round, updates, solverNanos,
                        evaluatedAtStart), options, runner));
            }
            long lastCheckpoint = System.nanoTime();
            long nextCheckpointRound = nextMultiple(round, options.checkpointEvery());
            while (reason == null) {
                if (round >= options.maxRounds()) {
                    reason = StopReason.MAX_ROUNDS;
                    break;
                }
                boolean mayStop = round % options.stopEvery() == 0;
                if (mayStop && solverNanos >= timeLimitNanos) {
                    reason = StopReason.TIME_LIMIT;
                    break;
                }
                if (mayStop && StopRequest.isRequested()) {
                    reason = StopReason.STOPPED;
                    break;
                }
                long start = System.nanoTime();
                Schedule schedule = next != null ? next : pipeline.take(round);
                next = lookahead && round + 1 < options.maxRounds() ? pipeline.take(round + 1) : null;
                changes.reset(round);
                runner.round(schedule, next, changes);
                pipeline.feedback(changes);
                solverNanos += System.nanoTime() - start;
                updates += (long) schedule.size() * schedule.sweeps();
                round++;
                if (round % options.evaluateEvery() == 0 || schedule.evaluateAfter()) {
                    last = new TracePoint(solverNanos * 1e-9, round, updates, runner.evaluate());
                    listener.onEvaluation(last);
                    if (last.evaluation().converged()) {
                        reason = StopReason.CONVERGED;
                        break;
                    }
                    if (wantsOptimality) {
                        optimality.reset(round, context.numParameters());
                        if (runner.optimality(optimality)) {
                            pipeline.feedback(optimality);
                        }
                    }
                    if (round >= nextCheckpointRound || System.nanoTime() - lastCheckpoint >= checkpointNanos) {
                        listener.onCheckpoint(withProgram(snapshot(pipeline, next, round, updates, solverNanos,
                                true), options, runner));
                        lastCheckpoint = System.nanoTime();
                        nextCheckpointRound = nextMultiple(round, options.checkpointEvery());
                    }
                }
            }
            if (options.checkpoints()) {
                finalSnapshot = snapshot(pipeline, next, round, updates, solverNanos, true); // evaluated below
            }
        } finally {
            if (pipeline != null) {
                pipeline.close();
            }
            runner.afterRounds();
        }
        runner.endRun();
        if (last == null || last.round() != round) {
            last = new TracePoint(solverNanos * 1e-9, round, updates, runner.evaluate());
            // A resumed run that ended before its first round: the run it continues reported this point already.
            boolean reported = resume != null && resume.evaluated() && round == resume.round();
            if (!reported) {
                listener.onEvaluation(last);
            }
            if (last.evaluation().converged() && reason != StopReason.STOPPED) {
                reason = StopReason.CONVERGED; // a stopped run stays stopped: a path must not go on
            }
        }
        if (finalSnapshot != null) {
            // After the final evaluation, which may have changed the workers' state (e.g. recomputed residuals).
            listener.onCheckpoint(withProgram(finalSnapshot, options, runner).endedBy(reason));
        }
        // A resumed run continues the one its snapshot was taken of: its counts include the snapshot's.
        long rounds = resume != null ? round : round - options.firstRound();
        return new Outcome(reason, rounds, updates, solverNanos * 1e-9, last);
    }

    /** The first multiple of {@code every} after {@code round}; never for every = 0. */
    private static long nextMultiple(long round, long every) {
        return every > 0 ? (round / every + 1) * every : Long.MAX_VALUE;
    }

    // The lookahead schedule (taken before the round that just ran) is the first of the pending ones.
    private static RunSnapshot snapshot(SchedulePipeline pipeline, Schedule next, long round, long updates,
                                        long solverNanos, boolean evaluated) {
        SchedulePipeline.Snapshot s = pipeline.snapshot();
        List<Schedule> pending = new ArrayList<>();
        if (next != null) {
            pending.add(next);
        }
        pending.addAll(s.pending());
        return new RunSnapshot(round, updates, solverNanos * 1e-9, s.schedulerState(), pending, evaluated);
    }

    private static RunSnapshot withProgram(RunSnapshot s, RunOptions options, Runner runner) {
        if (!options.checkpointProgram()) {
            return s;
        }
        ProgramState state = runner.saveProgram();
        return s.withProgramState(state.aggregator(), state.workers(), state.blocks());
    }

    private static void restore(Scheduler scheduler, RunSnapshot resume, int depth) {
        // A threaded pipeline is always depth + 1 schedules ahead when idle; a synchronous one at most one (a
        // runner's lookahead). Anything else was taken with another depth and would not continue the same run.
        int pending = resume.pendingSchedules().size();
        if (depth > 0 ? pending != depth + 1 : pending > 1) {
            throw new IllegalArgumentException("the checkpoint was taken with another pipeline depth ("
                    + pending + " schedules ahead; depth " + depth + " keeps " + (depth > 0 ? depth + 1 : "0 or 1")
                    + ")");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(resume.schedulerState()));
            scheduler.restoreState(in);
            if (in.available() != 0) {
                throw new IOException(in.available() + " bytes left over");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the checkpoint's scheduler state does not fit the " + scheduler.name()
                    + " scheduler: " + e.getMessage(), e);
        }
    }
}
