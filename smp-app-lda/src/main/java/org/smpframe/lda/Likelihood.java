package org.smpframe.lda;

/**
 * The parts of the joint log-likelihood log p(w, z) of collapsed LDA (as Mallet's modelLogLikelihood):
 * Σ_d [Σ_k lnΓ(n_dk + α) − lnΓ(n_d + Kα)] + D[lnΓ(Kα) − K lnΓ(α)]
 * + Σ_k [lnΓ(Vβ) − lnΓ(n_k + Vβ)] + Σ_{w,k} [lnΓ(n_wk + β) − lnΓ(β)].
 * Terms with a zero count vanish, so every part is a sum over nonzero counts.
 */
final class Likelihood {
    private Likelihood() {
    }

    /** Σ over documents of Σ_k [lnΓ(n_dk + α) − lnΓ(α)] − [lnΓ(n_d + Kα) − lnΓ(Kα)], from the topics z. */
    static double docPart(int[] docPtr, int[] z, int numTopics, double alpha, int[] scratch) {
        double lgAlpha = LogGamma.of(alpha);
        double lgAlphaSum = LogGamma.of(numTopics * alpha);
        double total = 0;
        for (int d = 0; d + 1 < docPtr.length; d++) {
            int from = docPtr[d];
            int to = docPtr[d + 1];
            for (int i = from; i < to; i++) {
                scratch[z[i]]++;
            }
            for (int i = from; i < to; i++) {
                int k = z[i];
                if (scratch[k] > 0) {
                    total += LogGamma.of(scratch[k] + alpha) - lgAlpha;
                    scratch[k] = 0;
                }
            }
            total -= LogGamma.of(to - from + numTopics * alpha) - lgAlphaSum;
        }
        return total;
    }

    /** As {@link #wordPart(TopicRows, double)}, with lnΓ(c + β) − lnΓ(β) looked up in {@code table}. */
    static double wordPart(TopicRows rows, double[] table) {
        double total = 0;
        for (int[] row : rows.rows) {
            for (int e : row) {
                int c = e >>> rows.topicBits;
                if (c == 0) {
                    break;
                }
                total += table[c];
            }
        }
        return total;
    }

    /** Σ over the words of {@code rows} and their nonzero topics of lnΓ(n_wk + β) − lnΓ(β). */
    static double wordPart(TopicRows rows, double beta) {
        double lgBeta = LogGamma.of(beta);
        double total = 0;
        for (int[] row : rows.rows) {
            for (int e : row) {
                int c = e >>> rows.topicBits;
                if (c == 0) {
                    break;
                }
                total += LogGamma.of(c + beta) - lgBeta;
            }
        }
        return total;
    }

    /** Σ_k [lnΓ(Vβ) − lnΓ(n_k + Vβ)]. */
    static double topicPart(int[] totals, double beta, int vocabularySize) {
        double betaSum = beta * vocabularySize;
        double lg = LogGamma.of(betaSum);
        double total = 0;
        for (int n : totals) {
            total += lg - LogGamma.of(n + betaSum);
        }
        return total;
    }
}
