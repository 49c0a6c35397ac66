package org.smpframe.lda;

import org.smpframe.api.RunSummary;

/**
 * What an LDA run produced.
 *
 * @param model      the trained model
 * @param summary    rounds, sampling time and why the run stopped
 * @param perplexity held-out perplexity by document completion on the test documents (NaN without them)
 */
public record LdaResult(LdaModel model, RunSummary summary, double perplexity) {
    /** The joint log-likelihood log p(w, z) at the last evaluation. */
    public double logLikelihood() {
        return summary.last().evaluation().objective();
    }

    /** Iterations completed at the last evaluation. */
    public long iterations() {
        return (long) summary.last().evaluation().get(LdaObjective.ITERATION);
    }
}
