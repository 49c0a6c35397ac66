package org.smpframe.bench;

import java.util.Locale;
import org.smpframe.api.Evaluation;
import org.smpframe.lasso.LassoAggregator;
import org.smpframe.lasso.LassoConfig;
import org.smpframe.lasso.LassoListener;
import org.smpframe.lasso.LassoStage;
import org.smpframe.lasso.LassoTracePoint;
import org.smpframe.lasso.LassoTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * The optimum f* = min P(β) of a benchmark problem, computed once by a long, tight run and certified by the
 * duality gap.
 *
 * <p>The run is plain sequential coordinate descent (the cyclic scheduler with one coordinate per round and one
 * worker, so every update sees the previous one: no Jacobi step, nothing to diverge) until the duality gap is
 * at most {@value #TOLERANCE} of the objective. Since the gap bounds P(β) − P(β*) from above, the final
 * objective is f* to within {@code gap}, i.e. to a relative {@link #relativeGap()}; a benchmark target
 * f*(1 + 1e-6) is then certified when that is far below 1e-6 (the harness requires ≤ {@value #CERTIFIED}).
 *
 * @param objective   the final objective, taken as f*
 * @param gap         its duality gap: f* is certified to lie in [objective − gap, objective]
 * @param nonzeros    nonzeros of the solution
 * @param sweeps      coordinate updates divided by p
 * @param seconds     solver seconds the run took
 * @param converged   whether the gap tolerance was met (or the gap stalled below {@value #CERTIFIED}) before the
 *                    time limit
 */
public record ReferenceOptimum(double objective, double gap, long nonzeros, double sweeps, double seconds,
                               boolean converged) {
    /** Gap tolerance of the reference run, relative to the objective. */
    static final double TOLERANCE = 1e-13;
    /** A reference whose relative gap is above this is not good enough for a 1e-6 target. */
    static final double CERTIFIED = 1e-10;

    /** Computes f* of {@code bench} (at most {@code timeLimitSeconds} of solver time). */
    public static ReferenceOptimum compute(BenchProblem bench, double timeLimitSeconds) {
        int p = bench.features();
        LassoConfig config = LassoConfig.builder()
                .lambda(bench.lambda())
                .tolerance(TOLERANCE)
                .maxRounds(Long.MAX_VALUE / 2)
                .timeLimitSeconds(timeLimitSeconds)
                .scheduler("cyclic")
                .blockSize(1)
                .pipelineDepth(0)
                .evaluateEvery(p) // one evaluation (and gap check) per sweep
                .standardize(bench.standardize())
                .build();
        StallWatch watch = new StallWatch();
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(1)) {
            LassoStage stage = new LassoTrainer(config).fit(bench.problem(), bench.name(), runtime, watch)
                    .stages().get(0);
            return of(stage.summary().last().evaluation().objective(), stage.summary().last().evaluation(),
                    stage.summary().updates(), p, stage.summary().seconds(), stage.converged());
        } catch (StallWatch.Stalled stalled) {
            LassoTracePoint last = watch.last;
            return of(last.objective(), last.evaluation(), last.updates(), p, last.seconds(), true);
        }
    }

    private static ReferenceOptimum of(double objective, Evaluation e, long updates, int p, double seconds,
                                       boolean converged) {
        return new ReferenceOptimum(objective, e.get(LassoAggregator.GAP), (long) e.get(LassoAggregator.NNZ),
                updates / (double) p, seconds, converged);
    }

    /**
     * Ends the reference run once the gap is certified (≤ {@value #CERTIFIED} relative) but has stopped
     * shrinking: no new low for {@value #STALL_SWEEPS} sweeps. Rounding (the residual is updated incrementally,
     * and the aggregator ignores moves below 1e-12 relative) puts a floor under the gap that can lie above
     * {@value #TOLERANCE}; without this the run would spin until its time limit.
     */
    private static final class StallWatch implements LassoListener {
        static final int STALL_SWEEPS = 200;
        private double bestRelativeGap = Double.POSITIVE_INFINITY;
        private int sinceBest;
        private LassoTracePoint last;

        @Override
        public void onEvaluation(LassoTracePoint point) {
            last = point;
            double rel = point.gap() / point.objective();
            if (rel < 0.5 * bestRelativeGap) {
                bestRelativeGap = rel;
                sinceBest = 0;
            } else if (++sinceBest >= STALL_SWEEPS && rel <= CERTIFIED) {
                throw new Stalled();
            }
        }

        static final class Stalled extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Stalled() {
                super(null, null, false, false);
            }
        }
    }

    /** gap / f*: the relative accuracy to which f* is known. */
    public double relativeGap() {
        return gap / objective;
    }

    /** Whether f* is known well enough to time a run to f*(1 + 1e-6). */
    public boolean certified() {
        return relativeGap() <= CERTIFIED;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "f* = %.15g (duality gap %.2e, relative %.2e: %s), nnz = %d, "
                        + "%.0f sweeps of cyclic CD in %.2f s",
                objective, gap, relativeGap(), certified() ? "certified" : "NOT certified to 1e-10", nonzeros,
                sweeps, seconds);
    }
}
