package org.smpframe.schedulers;

/**
 * Sorts parameter ids by weight, highest first, without boxing or allocation: a stable bottom-up merge sort of
 * (id, weight) pairs over caller-owned scratch arrays, O(k log k) for k ids.
 *
 * <p>Stable, so ids of equal weight keep the order they came in. The dynamic scheduler passes candidates in
 * draw order, which is random but fixed by the seed: ties (above all the many weight-0 candidates) are then
 * broken without favouring small ids, yet deterministically.
 */
final class WeightOrder {
    /** Runs this short are insertion-sorted before merging: cheaper than merging tiny runs, and stable. */
    private static final int RUN = 16;

    private WeightOrder() {
    }

    /**
     * Reorders {@code ids[0 .. k)} and {@code weights[0 .. k)} together (weights[i] is the weight of ids[i]) by
     * weight descending. The scratch arrays need k entries. Weights must not be NaN.
     */
    static void sortDescending(int[] ids, double[] weights, int k, int[] idScratch, double[] weightScratch) {
        for (int lo = 0; lo < k; lo += RUN) {
            int hi = Math.min(lo + RUN, k);
            for (int i = lo + 1; i < hi; i++) {
                int id = ids[i];
                double w = weights[i];
                int j = i - 1;
                while (j >= lo && weights[j] < w) {
                    ids[j + 1] = ids[j];
                    weights[j + 1] = weights[j];
                    j--;
                }
                ids[j + 1] = id;
                weights[j + 1] = w;
            }
        }
        int[] srcIds = ids;
        double[] srcW = weights;
        int[] dstIds = idScratch;
        double[] dstW = weightScratch;
        for (int width = RUN; width < k; width <<= 1) {
            for (int lo = 0; lo < k; lo += width << 1) {
                int mid = Math.min(lo + width, k);
                int hi = Math.min(lo + (width << 1), k);
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    // Take from the right run only when strictly heavier: that keeps equal weights in order.
                    if (srcW[j] > srcW[i]) {
                        dstIds[o] = srcIds[j];
                        dstW[o++] = srcW[j++];
                    } else {
                        dstIds[o] = srcIds[i];
                        dstW[o++] = srcW[i++];
                    }
                }
                while (i < mid) {
                    dstIds[o] = srcIds[i];
                    dstW[o++] = srcW[i++];
                }
                while (j < hi) {
                    dstIds[o] = srcIds[j];
                    dstW[o++] = srcW[j++];
                }
            }
            int[] ti = srcIds;
            srcIds = dstIds;
            dstIds = ti;
            double[] tw = srcW;
            srcW = dstW;
            dstW = tw;
        }
        if (srcIds != ids) {
            System.arraycopy(srcIds, 0, ids, 0, k);
            System.arraycopy(srcW, 0, weights, 0, k);
        }
    }
}
