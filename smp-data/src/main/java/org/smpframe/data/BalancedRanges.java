package org.smpframe.data;

/**
 * Contiguous ranges of ids with about equal total weight: how the rotation apps shard users or documents across
 * workers and cut items or words into blocks (a worker's time is proportional to the ratings or tokens it holds).
 */
public final class BalancedRanges {
    private BalancedRanges() {
    }

    /**
     * Boundaries of {@code parts} contiguous ranges over ids 0 .. weights.length-1 whose weight sums are about
     * equal (a worker's work is proportional to its ratings), every range non-empty where there are enough ids:
     * range q is {@code [bounds[q], bounds[q + 1])}.
     */
    public static int[] of(int[] weights, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be >= 1, got " + parts);
        }
        int n = weights.length;
        long total = 0;
        for (int w : weights) {
            total += w;
        }
        int[] bounds = new int[parts + 1];
        long sum = 0;
        int id = 0;
        for (int q = 1; q < parts; q++) {
            long target = total * q / parts;
            while (id < n && sum + weights[id] <= target) {
                sum += weights[id++];
            }
            int min = Math.min(n, bounds[q - 1] + 1);
            int max = Math.max(min, n - (parts - q));
            int b = Math.min(Math.max(id, min), max);
            while (id < b) {
                sum += weights[id++];
            }
            while (id > b) {
                sum -= weights[--id];
            }
            bounds[q] = b;
        }
        bounds[parts] = n;
        return bounds;
    }
}
