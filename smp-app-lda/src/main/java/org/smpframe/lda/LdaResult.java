package org.smpframe.lda;

import org.smpframe.api.RunSummary;

/**
 * What an LDA run produced.
 *
 * @param model         the trained model
 * @param summary       rounds, sampling time and why the run stopped
 * @param perplexity    held-out perplexity by document completion on the test documents (NaN without them or
 *                      when they have no held-out tokens)
 * @param logLikelihood the joint log-likelihood log p(w, z) of the model's final state (also after a time limit
 *                      stopped the run part-way through an iteration)
 * @param iterations    sweeps done, fractional when a time limit stopped the run part-way through one
 */
public record LdaResult(LdaModel model, RunSummary summary, double perplexity, double logLikelihood,
                        double iterations) {
}
