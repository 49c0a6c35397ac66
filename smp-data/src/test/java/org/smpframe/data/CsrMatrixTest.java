package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsrMatrixTest {

    private static final double[][] A = {
        {1, 0, 2, 0},
        {0, 0, 0, 0},
        {0, 3, 0, -4},
    };

    @Test
    void fromDenseSkipsZerosAndKeepsOrder() {
        CsrMatrix m = CsrMatrix.fromDense(A);
        assertThat(m.numRows).isEqualTo(3);
        assertThat(m.numCols).isEqualTo(4);
        assertThat(m.nnz()).isEqualTo(4);
        assertThat(m.rowPtr).containsExactly(0, 2, 2, 4);
        assertThat(m.colIdx).containsExactly(0, 2, 1, 3);
        assertThat(m.values).containsExactly(1, 2, 3, -4);
        assertThat(m.rowNnz(1)).isZero();
        assertThat(m.toDense()).isDeepEqualTo(A);
        m.checkInvariants();
    }

    @Test
    void rowSliceCopiesAndRebases() {
        CsrMatrix m = CsrMatrix.fromDense(A);
        CsrMatrix s = m.rowSlice(1, 3);
        assertThat(s.numRows).isEqualTo(2);
        assertThat(s.rowPtr).containsExactly(0, 0, 2);
        assertThat(s.toDense()).isDeepEqualTo(new double[][] {A[1], A[2]});
        assertThat(s.colIdx).isNotSameAs(m.colIdx);
        assertThat(m.rowSlice(2, 2).numRows).isZero();
        assertThatThrownBy(() -> m.rowSlice(2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.rowSlice(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void withNumColsWidensAndSharesArrays() {
        CsrMatrix m = CsrMatrix.fromDense(A);
        CsrMatrix w = m.withNumCols(10);
        assertThat(w.numCols).isEqualTo(10);
        assertThat(w.colIdx).isSameAs(m.colIdx);
        assertThat(w.values).isSameAs(m.values);
        assertThat(m.withNumCols(4)).isSameAs(m);
        assertThatThrownBy(() -> m.withNumCols(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowDotUsesColumnIndexedWeights() {
        CsrMatrix m = CsrMatrix.fromDense(A);
        double[] w = {10, 100, 1000, 10000};
        assertThat(m.rowDot(0, w)).isEqualTo(10 + 2000);
        assertThat(m.rowDot(1, w)).isZero();
        assertThat(m.rowDot(2, w)).isEqualTo(300 - 40000);
    }

    @Test
    void toCscTransposesLayout() {
        CscMatrix c = CsrMatrix.fromDense(A).toCsc();
        assertThat(c.colPtr).containsExactly(0, 1, 2, 3, 4);
        assertThat(c.rowIdx).containsExactly(0, 2, 0, 2);
        assertThat(c.values).containsExactly(1, 3, 2, -4);
        c.checkInvariants();
    }

    @Test
    void emptyShapes() {
        CsrMatrix none = CsrMatrix.fromDense(new double[0][]);
        assertThat(none.numRows).isZero();
        assertThat(none.numCols).isZero();
        assertThat(none.toCsc().toCsr().numRows).isZero();
        CsrMatrix noCols = CsrMatrix.fromDense(new double[3][0]);
        assertThat(noCols.toCsc().toCsr().toDense()).isDeepEqualTo(new double[3][0]);
    }

    @Test
    void constructorRejectsInconsistentShapes() {
        assertThatThrownBy(() -> new CsrMatrix(2, 2, new int[] {0, 1}, new int[] {0}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rowPtr has length 2");
        assertThatThrownBy(() -> new CsrMatrix(1, 2, new int[] {0, 1}, new int[] {0}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values has length 2");
        assertThatThrownBy(() -> new CsrMatrix(1, 2, new int[] {0, 2}, new int[] {0}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nnz = 1");
        assertThatThrownBy(() -> new CsrMatrix(-1, 2, new int[0], new int[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CsrMatrix(1, 2, new int[] {0, 2}, new int[] {1, 0}, new double[] {1, 1})
                .checkInvariants()).isInstanceOf(IllegalStateException.class).hasMessageContaining("row 0");
        assertThatThrownBy(() -> new CsrMatrix(1, 2, new int[] {0, 1}, new int[] {2}, new double[] {1})
                .checkInvariants()).isInstanceOf(IllegalStateException.class).hasMessageContaining("out of range");
    }
}
