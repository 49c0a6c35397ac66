package org.smpframe.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smpframe.lasso.LassoListener;
import org.smpframe.lasso.LassoStage;
import org.smpframe.lasso.LassoTracePoint;

/** Logs a fit's progress to stderr: at most one evaluation line a second, and one line per finished λ. */
final class ProgressLog implements LassoListener {
    private static final Logger LOG = LoggerFactory.getLogger("smp");
    private long lastNanos = System.nanoTime();

    @Override
    public void onEvaluation(LassoTracePoint p) {
        long now = System.nanoTime();
        if (now - lastNanos >= 1_000_000_000L) {
            lastNanos = now;
            LOG.info(String.format(java.util.Locale.ROOT, "lambda %.4g  round %d  objective %.10g  gap %.3g  nnz %d  %.1f s",
                    p.lambda(), p.round(), p.objective(), p.gap(), p.nonzeros(), p.seconds()));
        }
    }

    @Override
    public void onStageEnd(LassoStage s) {
        LOG.info(String.format(java.util.Locale.ROOT, "lambda %.4g %s after %d rounds: objective %.10g  gap %.3g  nnz %d",
                s.lambda(), s.converged() ? "converged" : "stopped (" + s.summary().reason() + ")",
                s.summary().rounds(), s.objective(),
                s.gap(), s.model().nonzeros()));
    }
}
