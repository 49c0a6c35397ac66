package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** CSR/CSC conversions and products against a naive dense reference. */
class MatrixPropertiesTest {

    @Provide
    Arbitrary<double[][]> dense() {
        return TestData.denseMatrices();
    }

    @Property(tries = 300)
    void cscRoundTripsToTheSameCsr(@ForAll("dense") double[][] a) {
        CsrMatrix m = CsrMatrix.fromDense(a);
        CscMatrix c = m.toCsc();
        c.checkInvariants();
        CsrMatrix back = c.toCsr();
        back.checkInvariants();
        assertThat(back.numRows).isEqualTo(m.numRows);
        assertThat(back.numCols).isEqualTo(m.numCols);
        assertThat(back.rowPtr).isEqualTo(m.rowPtr);
        assertThat(back.colIdx).isEqualTo(m.colIdx);
        assertThat(back.values).isEqualTo(m.values);
        assertThat(back.toDense()).isDeepEqualTo(a);
    }

    @Property(tries = 300)
    void productsMatchDenseReference(@ForAll("dense") double[][] a, @ForAll long seed) {
        CsrMatrix m = CsrMatrix.fromDense(a);
        CscMatrix c = m.toCsc();
        Random r = new Random(seed);
        double[] w = new double[m.numCols];
        for (int j = 0; j < w.length; j++) {
            w[j] = r.nextGaussian();
        }
        double[] v = new double[m.numRows];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        for (int i = 0; i < m.numRows; i++) {
            double ref = 0;
            for (int j = 0; j < m.numCols; j++) {
                ref += a[i][j] * w[j];
            }
            assertThat(m.rowDot(i, w)).isCloseTo(ref, within(1e-9 * (1 + Math.abs(ref))));
        }
        for (int p = 0; p < m.numCols; p++) {
            double dot = 0;
            double sq = 0;
            double sum = 0;
            for (int i = 0; i < m.numRows; i++) {
                dot += a[i][p] * v[i];
                sq += a[i][p] * a[i][p];
                sum += a[i][p];
            }
            assertThat(c.columnDot(p, v)).isCloseTo(dot, within(1e-9 * (1 + Math.abs(dot))));
            assertThat(c.columnSquaredNorm(p)).isCloseTo(sq, within(1e-9 * (1 + sq)));
            assertThat(c.columnSum(p)).isCloseTo(sum, within(1e-9 * (1 + Math.abs(sum))));
            for (int q = 0; q < m.numCols; q++) {
                double ref = 0;
                for (int i = 0; i < m.numRows; i++) {
                    ref += a[i][p] * a[i][q];
                }
                assertThat(c.columnsDot(p, q)).isCloseTo(ref, within(1e-9 * (1 + Math.abs(ref))));
            }
        }
    }

    @Property(tries = 200)
    void rowSliceMatchesDenseRows(@ForAll("dense") double[][] a, @ForAll long seed) {
        CsrMatrix m = CsrMatrix.fromDense(a);
        Random r = new Random(seed);
        int from = r.nextInt(m.numRows + 1);
        int to = from + r.nextInt(m.numRows - from + 1);
        CsrMatrix s = m.rowSlice(from, to);
        s.checkInvariants();
        assertThat(s.numCols).isEqualTo(m.numCols);
        assertThat(s.toDense()).isDeepEqualTo(java.util.Arrays.copyOfRange(m.toDense(), from, to));
    }
}
