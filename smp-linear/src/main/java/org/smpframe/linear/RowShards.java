package org.smpframe.linear;

import org.smpframe.data.CsrMatrix;

/** How rows are dealt to workers in the row-sharded linear-model apps. */
public final class RowShards {
    private RowShards() {
    }

    /**
     * Row boundaries of {@code numWorkers} contiguous shards with about equal numbers of nonzeros (a worker's
     * push costs time proportional to its nonzeros), every shard at least one row where possible: worker w owns
     * rows {@code [bounds[w], bounds[w + 1])}.
     */
    public static int[] byNonzeros(CsrMatrix rows, int numWorkers) {
        if (numWorkers < 1) {
            throw new IllegalArgumentException("numWorkers must be >= 1, got " + numWorkers);
        }
        int n = rows.numRows;
        int[] bounds = new int[numWorkers + 1];
        long nnz = rows.nnz();
        int row = 0;
        for (int w = 1; w < numWorkers; w++) {
            long target = nnz * w / numWorkers;
            while (row < n && rows.rowPtr[row] < target) {
                row++;
            }
            int minRow = Math.min(n, bounds[w - 1] + 1);
            int maxRow = Math.max(minRow, n - (numWorkers - w));
            bounds[w] = Math.min(Math.max(row, minRow), maxRow);
            row = bounds[w];
        }
        bounds[numWorkers] = n;
        return bounds;
    }
}
