package org.smpframe.bench;

import org.smpframe.api.SmpRuntime;
import org.smpframe.lasso.LassoConfig;
import org.smpframe.lasso.LassoListener;
import org.smpframe.lasso.LassoTracePoint;
import org.smpframe.lasso.LassoTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * Runs one configuration until its objective first reaches a target, and records when.
 *
 * <p>The trainer evaluates the objective every {@link RunSpec#evaluateEvery()} rounds; the first evaluation at
 * or below the target gives the time (solver time, evaluations excluded, as the trace reports it) and the
 * number of coordinate updates. The run is then stopped (the listener throws), so a fast configuration costs
 * little wall time. A run that is still above the target at the cap is {@code CAP}; a run whose objective
 * becomes NaN or infinite, or grows past {@value #DIVERGENCE_FACTOR} times the objective at β = 0, or whose
 * solver throws, is {@code DIVERGED}.
 *
 * <p>The time is resolved to one evaluation interval: the first evaluation below the target can come up to
 * evaluateEvery rounds after the true crossing.
 */
public final class ConvergenceRun {
    /** An objective this many times the one at β = 0 counts as divergence. */
    static final double DIVERGENCE_FACTOR = 100;

    private ConvergenceRun() {
    }

    /** Runs {@code spec} on {@code bench} with an embedded runtime of {@code spec.workers()} threads. */
    public static RunOutcome run(BenchProblem bench, RunSpec spec, double target) {
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(spec.workers())) {
            return run(bench, spec, target, runtime);
        }
    }

    /** Runs {@code spec} on {@code bench} with {@code runtime} (whose worker count must be spec.workers()). */
    public static RunOutcome run(BenchProblem bench, RunSpec spec, double target, SmpRuntime runtime) {
        if (runtime.numWorkers() != spec.workers()) {
            throw new IllegalArgumentException("runtime has " + runtime.numWorkers() + " workers, spec wants "
                    + spec.workers());
        }
        LassoConfig config = LassoConfig.builder()
                .lambda(bench.lambda())
                .tolerance(0) // never stop on the gap: the listener stops the run at the target
                .maxRounds(Long.MAX_VALUE / 2)
                .timeLimitSeconds(spec.capSeconds())
                .scheduler(spec.scheduler())
                .blockSize(spec.blockSize())
                .rho(spec.rho())
                .pipelineDepth(spec.pipelineDepth())
                .evaluateEvery(spec.evaluateEvery())
                .standardize(bench.standardize())
                .seed(spec.seed())
                .build();
        double start = startObjective(bench);
        Watcher watcher = new Watcher(target, DIVERGENCE_FACTOR * start);
        try {
            new LassoTrainer(config).fit(bench.problem(), bench.name(), runtime, watcher);
        } catch (Stop stop) {
            return stop.outcome;
        } catch (RuntimeException e) {
            LassoTracePoint last = watcher.last;
            return new RunOutcome(RunOutcome.Status.DIVERGED, last == null ? 0 : last.seconds(),
                    last == null ? 0 : last.updates(), last == null ? 0 : last.round(),
                    last == null ? Double.NaN : last.objective(), "solver failed: " + e);
        }
        LassoTracePoint last = watcher.last;
        return new RunOutcome(RunOutcome.Status.CAP, last.seconds(), last.updates(), last.round(), last.objective(),
                "");
    }

    /**
     * Runs {@code spec} repeatedly (results discarded) until about {@code seconds} of wall time have passed, so
     * that the JIT has compiled the hot loops before anything is timed: a run that reaches the target in a few
     * milliseconds is over before its loops are compiled.
     */
    public static void warmUp(BenchProblem bench, RunSpec spec, double target, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        for (int i = 0; i < 1000 && System.nanoTime() < end; i++) {
            run(bench, spec.withCap(seconds), target);
        }
    }

    /** The objective at β = 0 (with the optimal intercept): (1/2n) ‖y − ȳ‖². */
    static double startObjective(BenchProblem bench) {
        double[] y = bench.data().labels();
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double s = 0;
        for (double v : y) {
            s += (v - mean) * (v - mean);
        }
        return s / (2.0 * y.length);
    }

    /** Thrown by the listener to end a run early; carries the outcome. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RunOutcome outcome;

        Stop(RunOutcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private static final class Watcher implements LassoListener {
        private final double target;
        private final double divergence;
        private LassoTracePoint last;

        Watcher(double target, double divergence) {
            this.target = target;
            this.divergence = divergence;
        }

        @Override
        public void onEvaluation(LassoTracePoint point) {
            double f = point.objective();
            if (!Double.isFinite(f) || f > divergence) {
                String why = Double.isFinite(f) ? "objective " + f + " > " + DIVERGENCE_FACTOR + " x its start"
                        : "objective " + f;
                throw new Stop(new RunOutcome(RunOutcome.Status.DIVERGED, point.seconds(), point.updates(),
                        point.round(), last == null ? Double.NaN : last.objective(),
                        why + " at round " + point.round()));
            }
            last = point;
            if (f <= target) {
                throw new Stop(new RunOutcome(RunOutcome.Status.REACHED, point.seconds(), point.updates(),
                        point.round(), f, ""));
            }
        }
    }
}
