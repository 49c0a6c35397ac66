package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CscMatrixTest {

    private static final double[][] A = {
        {1, 0, 2},
        {0, 5, 3},
        {4, 6, 0},
        {0, 0, 7},
    };

    @Test
    void columnStatistics() {
        CscMatrix c = CsrMatrix.fromDense(A).toCsc();
        assertThat(c.nnz()).isEqualTo(7);
        assertThat(c.colNnz(2)).isEqualTo(3);
        assertThat(c.columnSum(0)).isEqualTo(5);
        assertThat(c.columnSquaredNorm(1)).isEqualTo(25 + 36);
        assertThat(c.columnDot(2, new double[] {1, 10, 100, 1000})).isEqualTo(2 + 30 + 7000);
        assertThat(c.columnsDot(0, 1)).isEqualTo(4 * 6);
        assertThat(c.columnsDot(0, 2)).isEqualTo(1 * 2);
        assertThat(c.columnsDot(1, 2)).isEqualTo(5 * 3);
        assertThat(c.columnsDot(2, 2)).isEqualTo(c.columnSquaredNorm(2));
    }

    @Test
    void toCsrRestoresRows() {
        assertThat(CsrMatrix.fromDense(A).toCsc().toCsr().toDense()).isDeepEqualTo(A);
    }

    @Test
    void constructorRejectsInconsistentShapes() {
        assertThatThrownBy(() -> new CscMatrix(2, 2, new int[] {0, 1}, new int[] {0}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colPtr has length 2");
        assertThatThrownBy(() -> new CscMatrix(2, 1, new int[] {0, 2}, new int[] {1, 1}, new double[] {1, 1})
                .checkInvariants()).isInstanceOf(IllegalStateException.class).hasMessageContaining("column 0");
    }
}
