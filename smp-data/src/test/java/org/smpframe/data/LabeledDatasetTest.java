package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabeledDatasetTest {

    private static final CsrMatrix X = CsrMatrix.fromDense(new double[][] {{1, 0}, {0, 2}, {3, 4}});

    @Test
    void shapeAndSlices() {
        LabeledDataset d = new LabeledDataset("f", X, new double[] {1, 2, 3}, new int[] {7, 7, 8});
        assertThat(d.numRows()).isEqualTo(3);
        assertThat(d.numFeatures()).isEqualTo(2);
        LabeledDataset s = d.rowSlice(1, 3);
        assertThat(s.labels()).containsExactly(2, 3);
        assertThat(s.qids()).containsExactly(7, 8);
        assertThat(s.features().toDense()).isDeepEqualTo(new double[][] {{0, 2}, {3, 4}});
        assertThat(s.source()).isEqualTo("f");
        LabeledDataset w = d.withNumFeatures(5);
        assertThat(w.numFeatures()).isEqualTo(5);
        assertThat(w.labels()).isSameAs(d.labels());
        assertThat(d.withNumFeatures(2)).isSameAs(d);
        LabeledDataset noQ = new LabeledDataset("f", X, new double[] {1, 2, 3}, null);
        assertThat(noQ.rowSlice(0, 1).qids()).isNull();
    }

    @Test
    void rejectsMismatchedLengths() {
        assertThatThrownBy(() -> new LabeledDataset("f", X, new double[2], null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 labels for 3");
        assertThatThrownBy(() -> new LabeledDataset("f", X, new double[3], new int[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 qids");
    }
}
