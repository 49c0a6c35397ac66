package org.smpframe.lda;

import java.util.List;
import org.smpframe.api.Evaluation;

/**
 * Assembles the joint log-likelihood log p(w, z) from the workers' parts and the topic totals: the objective of
 * an LDA trace (higher is better; as Mallet's modelLogLikelihood).
 */
final class LdaObjective {
    static final String ITERATION = "iteration";
    static final String LOG_LIKELIHOOD_PER_TOKEN = "ll_per_token";

    private LdaObjective() {
    }

    static Evaluation evaluate(List<LdaStats> stats, double extraWordPart, int[] totals, LdaConfig config,
                               int vocabularySize) {
        double ll = extraWordPart + Likelihood.topicPart(totals, config.beta(), vocabularySize);
        long iteration = Long.MAX_VALUE;
        long tokens = 0;
        for (LdaStats s : stats) {
            ll += s.docPart() + s.wordPart();
            iteration = Math.min(iteration, s.iteration());
            tokens += s.tokens();
        }
        if (iteration == 0) {
            ll = Double.NaN; // nothing measured yet
        }
        return Evaluation.objective(ll)
                .put(ITERATION, iteration)
                .put(LOG_LIKELIHOOD_PER_TOKEN, tokens == 0 ? Double.NaN : ll / tokens)
                .build();
    }
}
