package org.smpframe.runtime.core;

import org.smpframe.api.ChangeSet;
import org.smpframe.api.Evaluation;
import org.smpframe.api.RoundListener;
import org.smpframe.api.RunOptions;
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
    }

    /** How a run ended: as {@link org.smpframe.api.RunSummary}, without the runtime's traffic counts. */
    public record Outcome(StopReason reason, long rounds, long updates, double seconds, TracePoint last) {
    }

    /**
     * Runs rounds of {@code scheduler} on {@code runner} as {@code options} say.
     *
     * @param wantsLookahead whether the runner can use the next round's schedule early (to send blocks on); it
     *                       gets it when that changes nothing: a pipeline depth above 0 or a feedback-free
     *                       scheduler
     */
    public static Outcome run(Scheduler scheduler, SchedulerContext context, RunOptions options,
                              RoundListener listener, boolean wantsLookahead, Runner runner) {
        scheduler.init(context);
        boolean lookahead = wantsLookahead && (options.pipelineDepth() > 0 || scheduler.feedbackFree());
        long timeLimitNanos = options.timeLimitSeconds() > 0 ? (long) (options.timeLimitSeconds() * 1e9) : Long.MAX_VALUE;
        ChangeSet changes = new ChangeSet();
        long solverNanos = 0;
        long updates = 0;
        long round = options.firstRound();
        TracePoint last = null;
        StopReason reason;
        try (SchedulePipeline pipeline = SchedulePipeline.create(scheduler, options.pipelineDepth(), round)) {
            runner.beginRun();
            Schedule next = null;
            while (true) {
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
                updates += schedule.size();
                round++;
                if (round % options.evaluateEvery() == 0) {
                    last = new TracePoint(solverNanos * 1e-9, round, updates, runner.evaluate());
                    listener.onEvaluation(last);
                    if (last.evaluation().converged()) {
                        reason = StopReason.CONVERGED;
                        break;
                    }
                }
            }
        } finally {
            runner.afterRounds();
        }
        runner.endRun();
        if (last == null || last.round() != round) {
            last = new TracePoint(solverNanos * 1e-9, round, updates, runner.evaluate());
            listener.onEvaluation(last);
            if (last.evaluation().converged() && reason != StopReason.STOPPED) {
                reason = StopReason.CONVERGED; // a stopped run stays stopped: a path must not go on
            }
        }
        return new Outcome(reason, round - options.firstRound(), updates, solverNanos * 1e-9, last);
    }
}
