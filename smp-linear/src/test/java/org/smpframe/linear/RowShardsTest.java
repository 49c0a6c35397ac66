package org.smpframe.linear;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smpframe.data.CsrMatrix;

class RowShardsTest {

    @Test
    void balancesNonzerosNotRows() {
        // Row i has i + 1 nonzeros: equal row counts would give the last worker most of the work.
        double[][] dense = new double[40][40];
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j <= i; j++) {
                dense[i][j] = 1;
            }
        }
        CsrMatrix rows = CsrMatrix.fromDense(dense);
        int[] bounds = RowShards.byNonzeros(rows, 4);
        assertThat(bounds[0]).isZero();
        assertThat(bounds[4]).isEqualTo(40);
        long total = rows.nnz();
        for (int w = 0; w < 4; w++) {
            long shard = rows.rowPtr[bounds[w + 1]] - rows.rowPtr[bounds[w]];
            assertThat(shard).isBetween(total / 4 - 40, total / 4 + 40);
        }
    }

    @Test
    void everyWorkerGetsARowWhenThereAreEnough() {
        double[][] dense = new double[5][3];
        dense[0][0] = 1; // all nonzeros in the first row
        int[] bounds = RowShards.byNonzeros(CsrMatrix.fromDense(dense), 5);
        assertThat(bounds).containsExactly(0, 1, 2, 3, 4, 5);
    }
}
