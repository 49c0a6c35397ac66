package org.smpframe.bench.lda;

/**
 * One evaluation of a Mallet LDA run.
 *
 * @param iteration     sweeps over the corpus done so far (1-based count)
 * @param seconds       cumulative sampling wall time up to this sweep; building the InstanceList, the random
 *                      initialization and every log-likelihood computation are excluded
 * @param logLikelihood Mallet's {@code modelLogLikelihood()}: the joint log p(w, z | α, β) of the current state
 * @param tokens        tokens in the corpus, i.e. tokens sampled by one sweep
 */
public record MalletPoint(int iteration, double seconds, double logLikelihood, long tokens) {

    /** Sampling throughput so far: tokens × iteration / seconds. */
    public double tokensPerSecond() {
        return seconds > 0 ? (double) tokens * iteration / seconds : Double.NaN;
    }

    /** Mean wall time of one sweep so far. */
    public double secondsPerIteration() {
        return iteration > 0 ? seconds / iteration : Double.NaN;
    }
}
