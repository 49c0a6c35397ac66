package org.smpframe.logreg;

import java.util.Arrays;
import java.util.Locale;

/**
 * Quality of a binary classifier's decision values on labelled rows.
 *
 * @param rows     number of rows scored
 * @param accuracy fraction of rows whose predicted class (positive iff decision &gt; 0, liblinear's
 *                 rule) matches the label; NaN for no rows
 * @param logLoss  mean logistic loss log(1 + e^(−y·d)) with y = ±1, i.e. the mean negative
 *                 log-likelihood of the labels under σ(d); NaN for no rows
 * @param auc      area under the ROC curve: the probability that a random positive row scores above
 *                 a random negative one, ties counting ½; NaN when either class is absent
 */
public record BinaryMetrics(long rows, double accuracy, double logLoss, double auc) {

    /**
     * Scores decision values against labels.
     *
     * @param decisions decision values d (positive class favoured when d &gt; 0); must not be NaN
     * @param labels    &gt; 0 (normally +1) for the positive class, anything &lt;= 0 (−1 or 0) for the
     *                  negative class; must not be NaN
     * @throws IllegalArgumentException if the lengths differ or a value is NaN
     */
    public static BinaryMetrics of(double[] decisions, double[] labels) {
        int n = decisions.length;
        if (labels.length != n) {
            throw new IllegalArgumentException(n + " decisions but " + labels.length + " labels");
        }
        int numPositive = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(decisions[i]) || Double.isNaN(labels[i])) {
                throw new IllegalArgumentException("row " + i + ": NaN " + (Double.isNaN(labels[i]) ? "label" : "decision"));
            }
            numPositive += labels[i] > 0 ? 1 : 0;
        }
        double[] pos = new double[numPositive];
        double[] neg = new double[n - numPositive];
        long correct = 0;
        double loss = 0;
        for (int i = 0, p = 0, q = 0; i < n; i++) {
            double d = decisions[i];
            boolean positive = labels[i] > 0;
            correct += (d > 0) == positive ? 1 : 0;
            loss += softplus(positive ? -d : d);
            if (positive) {
                pos[p++] = d;
            } else {
                neg[q++] = d;
            }
        }
        double accuracy = n == 0 ? Double.NaN : (double) correct / n;
        double logLoss = n == 0 ? Double.NaN : loss / n;
        return new BinaryMetrics(n, accuracy, logLoss, auc(pos, neg));
    }

    /** log(1 + e^z) without overflow: e^z is only taken of −|z|. */
    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /**
     * Mann–Whitney U / (P·N) by merging the two sorted score lists: for each positive, the
     * negatives strictly below it and those equal to it form growing prefixes of the sorted
     * negatives, so two pointers find both counts in one pass. Counting in halves keeps the sum an
     * exact integer. Sorting orders −0.0 before 0.0, but since {@code <} treats them as equal the
     * prefixes stay prefixes and such pairs still count as ties.
     */
    private static double auc(double[] pos, double[] neg) {
        if (pos.length == 0 || neg.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        long twiceU = 0;
        int below = 0;
        int belowOrEqual = 0;
        for (double s : pos) {
            while (below < neg.length && neg[below] < s) {
                below++;
            }
            if (belowOrEqual < below) {
                belowOrEqual = below;
            }
            while (belowOrEqual < neg.length && neg[belowOrEqual] <= s) {
                belowOrEqual++;
            }
            twiceU += (long) below + belowOrEqual; // 2·below + ties
        }
        return twiceU / (2.0 * pos.length * neg.length);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "rows=%d accuracy=%.6f logloss=%.6f auc=%.6f", rows, accuracy, logLoss, auc);
    }
}
