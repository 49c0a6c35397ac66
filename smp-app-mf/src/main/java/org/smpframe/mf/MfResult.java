package org.smpframe.mf;

import org.smpframe.api.Evaluation;
import org.smpframe.api.RunSummary;

/**
 * What a matrix factorization run produced.
 *
 * @param model           the fitted model
 * @param summary         rounds, time and why the run stopped
 * @param method          the method that fitted it
 * @param testRatings     test ratings scored
 * @param coldTestRatings test ratings left out: their user or item has no training rating
 */
public record MfResult(MfModel model, RunSummary summary, MfMethod method, int testRatings, int coldTestRatings) {
    /** The last evaluation (objective, RMSEs). */
    public Evaluation last() {
        return summary.last().evaluation();
    }

    public double objective() {
        return last().objective();
    }

    public double trainRmse() {
        return last().get(MfObjective.TRAIN_RMSE);
    }

    /** Test RMSE, NaN without test ratings. */
    public double testRmse() {
        return last().get(MfObjective.TEST_RMSE);
    }
}
