package org.smpframe.mf;

/**
 * The order of CCD++ half-steps in one outer iteration. A cycle is one pass of the rotation (P rounds, every
 * worker meets every item block once) that either updates one column of W ("U": each worker sums over its
 * users' ratings in every block, then solves its users) or one column of H ("V": each block collects the sums
 * of every worker's users as it travels, then is solved by the worker that holds it last).
 *
 * <p>Order: the user-bias column (U only), the item-bias column (V only), then for each latent factor
 * {@code inner} alternations U, V. The last cycle is always a V cycle, which measures the objective exactly.
 */
final class CyclePlan {
    private final int[] column;
    private final boolean[] updatesH;

    CyclePlan(FactorColumns columns, int inner) {
        int n = columns.rank() * 2 * inner + (columns.biases() ? 2 : 0);
        column = new int[n];
        updatesH = new boolean[n];
        int c = 0;
        if (columns.biases()) {
            column[c] = 0;
            updatesH[c++] = false;
            column[c] = 1;
            updatesH[c++] = true;
        }
        for (int f = columns.firstFactor(); f < columns.count(); f++) {
            for (int s = 0; s < inner; s++) {
                column[c] = f;
                updatesH[c++] = false;
                column[c] = f;
                updatesH[c++] = true;
            }
        }
    }

    /** Cycles per outer iteration. */
    int length() {
        return column.length;
    }

    int column(int cycle) {
        return column[cycle];
    }

    /** Whether cycle {@code cycle} updates a column of H (else of W). */
    boolean updatesH(int cycle) {
        return updatesH[cycle];
    }
}
