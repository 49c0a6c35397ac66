package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** ColumnScaling against a naive two-pass dense reference. */
class ColumnScalingTest {

    private static final double[][] A = {
        {2, 0, 0, 5},
        {4, 0, 1, 5},
        {0, 0, 0, 5},
        {6, 0, 0, 5},
    };

    @Test
    void unitVarianceUsesPopulationStdWithImplicitZeros() {
        ColumnScaling s = ColumnScaling.unitVariance(CsrMatrix.fromDense(A));
        // column 0: mean 3, squared deviations 1+1+9+9 = 20, /4 = 5
        assertThat(s.scales()[0]).isCloseTo(Math.sqrt(5), within(1e-15));
        assertThat(s.scales()[1]).isEqualTo(1.0); // all zero
        assertThat(s.scales()[2]).isCloseTo(Math.sqrt(3.0 / 16), within(1e-15));
        assertThat(s.scales()[3]).isEqualTo(1.0); // constant: std exactly 0
    }

    @Test
    void unitNormAndIdentity() {
        ColumnScaling s = ColumnScaling.unitNorm(CsrMatrix.fromDense(A));
        assertThat(s.scales()).containsExactly(Math.sqrt(56), 1.0, 1.0, 10.0);
        assertThat(ColumnScaling.identity(3).scales()).containsExactly(1, 1, 1);
        assertThat(ColumnScaling.identity(3).apply(CsrMatrix.fromDense(A).rowSlice(0, 1).withNumCols(4)).toDense())
                .isDeepEqualTo(new double[][] {A[0]});
    }

    @Test
    void applyLeavesUnknownColumnsAndSharesStructure() {
        CsrMatrix x = CsrMatrix.fromDense(A);
        ColumnScaling s = ColumnScaling.of(new double[] {2, 4});
        CsrMatrix y = s.apply(x);
        assertThat(y.toDense()[1]).containsExactly(2, 0, 1, 5);
        assertThat(y.colIdx).isSameAs(x.colIdx);
        assertThat(y.values).isNotSameAs(x.values);
        assertThat(x.toDense()).isDeepEqualTo(A); // input untouched
        assertThat(s.scale(7)).isEqualTo(1.0);
        assertThat(s.toOriginal(new double[] {1, 1, 1})).containsExactly(0.5, 0.25, 1);
    }

    @Test
    void scalesAreDefensiveCopiesAndValidated() {
        ColumnScaling s = ColumnScaling.of(new double[] {2});
        s.scales()[0] = 99;
        assertThat(s.scales()).containsExactly(2);
        assertThatThrownBy(() -> ColumnScaling.of(new double[] {1, 0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 1");
        assertThatThrownBy(() -> ColumnScaling.of(new double[] {Double.NaN})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyMatrix() {
        CsrMatrix none = CsrMatrix.fromDense(new double[0][0]).withNumCols(3);
        assertThat(ColumnScaling.unitVariance(none).scales()).containsExactly(1, 1, 1);
        assertThat(ColumnScaling.columnMeans(none)).containsExactly(0, 0, 0);
    }

    @Test
    void varianceIsStableForLargeMeans() {
        // E[x^2] - E[x]^2 loses every digit here; the merged Welford form does not.
        double[][] a = {{1e9 + 1}, {1e9 - 1}, {1e9 + 1}, {1e9 - 1}};
        assertThat(ColumnScaling.unitVariance(CsrMatrix.fromDense(a)).scales()[0]).isCloseTo(1.0, within(1e-6));
    }

    @Provide
    Arbitrary<double[][]> dense() {
        return TestData.denseMatrices();
    }

    @Property(tries = 300)
    void matchesDenseReference(@ForAll("dense") double[][] a) {
        CsrMatrix x = CsrMatrix.fromDense(a);
        int n = x.numRows;
        int d = x.numCols;
        double[] means = ColumnScaling.columnMeans(x);
        double[] std = ColumnScaling.unitVariance(x).scales();
        double[] norm = ColumnScaling.unitNorm(x).scales();
        for (int j = 0; j < d; j++) {
            double sum = 0;
            double sq = 0;
            for (double[] row : a) {
                sum += row[j];
                sq += row[j] * row[j];
            }
            double mean = n == 0 ? 0 : sum / n;
            double dev = 0;
            for (double[] row : a) {
                dev += (row[j] - mean) * (row[j] - mean);
            }
            double refStd = n == 0 ? 0 : Math.sqrt(dev / n);
            assertThat(means[j]).isCloseTo(mean, within(1e-9 * (1 + Math.abs(mean))));
            if (refStd > 1e-9) {
                assertThat(std[j]).isCloseTo(refStd, within(1e-9 * refStd));
            } else {
                assertThat(std[j]).isEqualTo(1.0);
            }
            assertThat(norm[j]).isCloseTo(sq == 0 ? 1.0 : Math.sqrt(sq), within(1e-9 * (1 + Math.sqrt(sq))));
        }

        // Scaled columns have unit variance (or are untouched), and toOriginal undoes the scaling in a linear model.
        ColumnScaling s = ColumnScaling.unitVariance(x);
        CsrMatrix y = s.apply(x);
        double[][] yd = y.toDense();
        double[] coefScaled = new double[d];
        for (int j = 0; j < d; j++) {
            coefScaled[j] = j % 3 - 1.5;
            for (int i = 0; i < n; i++) {
                assertThat(yd[i][j]).isEqualTo(a[i][j] / std[j]);
            }
        }
        double[] coef = s.toOriginal(coefScaled);
        for (int i = 0; i < n; i++) {
            double scaledPred = y.rowDot(i, coefScaled);
            double rawPred = x.rowDot(i, coef);
            assertThat(rawPred).isCloseTo(scaledPred, within(1e-9 * (1 + Math.abs(scaledPred))));
        }
    }
}
