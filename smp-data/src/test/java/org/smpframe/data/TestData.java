package org.smpframe.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random data sets and small helpers shared by the tests; everything is generated, nothing is read from disk. */
final class TestData {

    private TestData() {
    }

    /** Reads LibSVM text from a string. */
    static LabeledDataset parse(String text) {
        return parse(text, LibSvmReader.Options.DEFAULTS);
    }

    static LabeledDataset parse(String text, LibSvmReader.Options o) {
        return LibSvmReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "mem.svm", o);
    }

    static String toText(LabeledDataset d) {
        StringWriter w = new StringWriter();
        try {
            LibSvmWriter.writeTo(d, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** A value drawn from the kinds data files hold: small integers, short decimals, and arbitrary doubles. */
    static double randomValue(Random r) {
        switch (r.nextInt(6)) {
            case 0:
                return r.nextInt(7) - 3;
            case 1:
                return Math.round(r.nextGaussian() * 1000) / 1000.0;
            case 2:
                return r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
            case 3: {
                double v;
                do {
                    v = Double.longBitsToDouble(r.nextLong());
                } while (!Double.isFinite(v));
                return v;
            }
            case 4:
                return r.nextDouble();
            default:
                return Double.MIN_VALUE * (1 + r.nextInt(1000)) * (r.nextBoolean() ? 1 : -1);
        }
    }

    /** A dense random matrix with the given density of nonzeros. */
    static double[][] randomDense(Random r, int rows, int cols, double density) {
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (r.nextDouble() < density) {
                    double v = randomValue(r);
                    a[i][j] = v == 0.0 ? 1.0 : v;
                }
            }
        }
        return a;
    }

    static LabeledDataset randomDataset(Random r, int rows, int cols, double density, boolean withQids) {
        CsrMatrix x = CsrMatrix.fromDense(randomDense(r, rows, cols, density));
        double[] labels = new double[rows];
        int[] qids = withQids ? new int[rows] : null;
        for (int i = 0; i < rows; i++) {
            labels[i] = r.nextInt(3) == 0 ? (r.nextBoolean() ? 1 : -1) : randomValue(r);
            if (withQids) {
                qids[i] = r.nextInt(5) + (r.nextInt(10) == 0 ? -2 : 0);
            }
        }
        return new LabeledDataset("random", x, labels, qids);
    }

    /** Random data sets of 1..40 rows and 0..30 columns, shrinking towards small ones. */
    static Arbitrary<LabeledDataset> datasets() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 40),
                        Arbitraries.integers().between(0, 30),
                        Arbitraries.doubles().between(0.0, 1.0),
                        Arbitraries.of(false, true),
                        Arbitraries.longs())
                .as((rows, cols, density, qids, seed) -> randomDataset(new Random(seed), rows, cols, density, qids));
    }

    /** Dense random matrices, as arrays, for checks against a naive reference. */
    static Arbitrary<double[][]> denseMatrices() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 25),
                        Arbitraries.integers().between(0, 25),
                        Arbitraries.doubles().between(0.0, 1.0),
                        Arbitraries.longs())
                .as((rows, cols, density, seed) -> {
                    Random r = new Random(seed);
                    double[][] a = new double[rows][cols];
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < cols; j++) {
                            if (r.nextDouble() < density) {
                                // Moderate magnitudes so sums are comparable with a tolerance.
                                a[i][j] = r.nextInt(4) == 0 ? 3.0 : r.nextGaussian() * 10;
                            }
                        }
                    }
                    return a;
                });
    }
}
