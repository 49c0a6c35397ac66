package org.smpframe.logreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.InputException;

class LogRegModelTest {

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- round trip

    @ParameterizedTest
    @CsvSource({"true, 1, -1", "false, 1, -1", "true, 1, 0", "false, 0, 1"})
    void saveThenReadIsBitIdentical(boolean withBias, int pos, int neg) throws IOException {
        LogRegModel m = randomModel(new Random(7), 50, withBias, pos, neg);
        Path f = dir.resolve("m.model");
        m.save(f);
        LogRegModel back = LogRegModel.read(f);

        assertThat(back.numFeatures()).isEqualTo(50);
        assertThat(back.positiveLabel()).isEqualTo(pos);
        assertThat(back.negativeLabel()).isEqualTo(neg);
        assertThat(back.hasBias()).isEqualTo(withBias);
        assertThat(Double.doubleToRawLongBits(back.bias())).isEqualTo(Double.doubleToRawLongBits(m.bias()));
        double[] a = m.weights();
        double[] b = back.weights();
        for (int j = 0; j < a.length; j++) {
            assertThat(Double.doubleToRawLongBits(b[j])).as("weight %d", j).isEqualTo(Double.doubleToRawLongBits(a[j]));
        }
        assertThat(back.nonzeros()).isEqualTo(m.nonzeros());
    }

    @Test
    void writesLiblinearLayout() throws IOException {
        Path f = dir.resolve("m.model");
        new LogRegModel(new double[] {-0.5, 4.25}, -2.0, 1, -1).save(f);
        assertThat(Files.readString(f)).isEqualTo(
                "solver_type L1R_LR\nnr_class 2\nlabel 1 -1\nnr_feature 2\nbias 1\nw\n-0.5 \n4.25 \n-2.0 \n");
        new LogRegModel(new double[] {0.0, 1e-300}, Double.NaN, 1, 0).save(f);
        assertThat(Files.readString(f)).isEqualTo(
                "solver_type L1R_LR\nnr_class 2\nlabel 1 0\nnr_feature 2\nbias -1\nw\n0.0 \n1.0E-300 \n");
    }

    @Test
    void readsTheDocumentedLiblinearExample() throws IOException {
        String text = "solver_type L1R_LR\nnr_class 2\nlabel 1 -1\nnr_feature 2\nbias 1.0000000000000000\nw\n"
                + "-0.43432959011318945 \n4.5976736082009190 \n-2.2164068333506184 \n";
        LogRegModel m = LogRegModel.read(new StringReader(text), "ex.model");
        assertThat(m.weights()).containsExactly(-0.43432959011318945, 4.5976736082009190);
        assertThat(m.bias()).isEqualTo(-2.2164068333506184);
        assertThat(m.positiveLabel()).isEqualTo(1);
        assertThat(m.negativeLabel()).isEqualTo(-1);
    }

    @Test
    void biasValueOtherThanOneIsFoldedIntoTheBiasWeight() throws IOException {
        String text = "nr_feature 1\nbias 2.5\nlabel -1 1\nnr_class 2\nsolver_type L2R_LR_DUAL\nw\n3 \n-0.5 \n";
        LogRegModel m = LogRegModel.read(new StringReader(text), "b.model");
        assertThat(m.bias()).isEqualTo(-1.25);
        assertThat(m.positiveLabel()).isEqualTo(-1);
        CsrMatrix x = new CsrMatrix(1, 1, new int[] {0, 1}, new int[] {0}, new double[] {2});
        assertThat(m.decision(x, 0)).isEqualTo(6 - 1.25);
    }

    @Test
    void decisionIgnoresUnknownColumnsAndProbabilityIsStable() {
        LogRegModel m = new LogRegModel(new double[] {1, 2}, 0.5, 1, -1);
        CsrMatrix x = new CsrMatrix(2, 5, new int[] {0, 3, 3}, new int[] {0, 1, 4}, new double[] {1, 1, 100});
        assertThat(m.decisions(x)).containsExactly(3.5, 0.5);
        assertThat(m.label(0.0)).isEqualTo(-1);
        assertThat(m.label(1e-300)).isEqualTo(1);
        assertThat(LogRegModel.probability(1e300)).isEqualTo(1.0);
        assertThat(LogRegModel.probability(-1e300)).isEqualTo(0.0);
        assertThat(LogRegModel.probability(0)).isEqualTo(0.5);
        assertThat(LogRegModel.probability(-800)).isGreaterThanOrEqualTo(0.0).isLessThan(1e-300);
    }

    @Test
    void saveIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("sub").resolve("m.model");
        new LogRegModel(new double[] {1, 2, 3}, Double.NaN, 1, -1).save(f);
        new LogRegModel(new double[] {4, 5}, 1.0, 1, 0).save(f); // replaces the old file
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.model");
        }
        assertThat(LogRegModel.read(f).weights()).containsExactly(4, 5);
    }

    // ---------------------------------------------------------------- liblinear-java as the peer

    @ParameterizedTest
    @CsvSource({"true, 1, -1", "false, 1, -1", "true, 1, 0", "false, -1, 1"})
    void liblinearJavaLoadsOurFileAndPredictsTheSame(boolean withBias, int pos, int neg) throws IOException {
        Random rnd = new Random(11 + pos + (withBias ? 100 : 0));
        int p = 40;
        LogRegModel ours = randomModel(rnd, p, withBias, pos, neg);
        Path f = dir.resolve("ours.model");
        ours.save(f);
        Model theirs = Model.load(f);
        assertThat(theirs.getLabels()).containsExactly(pos, neg);
        assertThat(theirs.getNrFeature()).isEqualTo(p);
        assertThat(Linear.loadModel(f).getFeatureWeights()).containsExactly(theirs.getFeatureWeights());

        // Columns up to p + 5: those beyond the model's features must be ignored by both sides.
        CsrMatrix x = randomRows(rnd, 300, p + 5, 0.15);
        double[] prob = new double[2];
        for (int i = 0; i < x.numRows; i++) {
            Feature[] row = liblinearRow(x, i, p, withBias ? 1.0 : -1);
            double d = ours.decision(x, i);
            assertThat((int) Linear.predict(theirs, row)).as("row %d", i).isEqualTo(ours.label(d));
            Linear.predictProbability(theirs, row, prob);
            assertThat(LogRegModel.probability(d)).as("row %d", i).isCloseTo(prob[0], within(1e-12));
        }
    }

    @ParameterizedTest
    @CsvSource({"1.0", "-1"})
    void weReadAModelTrainedAndSavedByLiblinearJava(double bias) throws IOException {
        Random rnd = new Random(3);
        int rows = 200;
        int p = 30;
        CsrMatrix x = randomRows(rnd, rows, p, 0.2);
        double[] truth = new double[p];
        for (int j = 0; j < p; j += 3) {
            truth[j] = rnd.nextGaussian() * 2;
        }
        Problem prob = new Problem();
        prob.l = rows;
        prob.n = bias >= 0 ? p + 1 : p;
        prob.bias = bias;
        prob.x = new Feature[rows][];
        prob.y = new double[rows];
        for (int i = 0; i < rows; i++) {
            prob.x[i] = liblinearRow(x, i, p, bias);
            double s = 0.3;
            for (int e = x.rowPtr[i]; e < x.rowPtr[i + 1]; e++) {
                s += truth[x.colIdx[e]] * x.values[e];
            }
            // 0/1 labels, the first row's label coming first in liblinear's label order
            prob.y[i] = rnd.nextDouble() < LogRegModel.probability(s) ? 1 : 0;
        }
        Parameter par = new Parameter(SolverType.L1R_LR, 1.0, 1e-6);
        par.setRegularizeBias(bias < 0); // liblinear refuses an unregularized bias without -B 1
        Linear.disableDebugOutput();
        Model theirs = Linear.train(prob, par);

        StringWriter text = new StringWriter();
        theirs.save(text);
        Path f = dir.resolve("theirs.model");
        Files.writeString(f, text.toString(), StandardCharsets.UTF_8);
        LogRegModel ours = LogRegModel.read(f);

        assertThat(ours.numFeatures()).isEqualTo(p);
        assertThat(ours.hasBias()).isEqualTo(bias >= 0);
        assertThat(new int[] {ours.positiveLabel(), ours.negativeLabel()}).containsExactly(theirs.getLabels());
        double[] tw = theirs.getFeatureWeights();
        double[] w = ours.weights();
        for (int j = 0; j < p; j++) {
            assertThat(w[j]).isEqualTo(tw[j]); // %.17g round-trips exactly
        }
        assertThat(ours.nonzeros()).isGreaterThan(0);

        CsrMatrix test = randomRows(rnd, 300, p, 0.2);
        double[] pr = new double[2];
        for (int i = 0; i < test.numRows; i++) {
            Feature[] row = liblinearRow(test, i, p, bias);
            double d = ours.decision(test, i);
            assertThat((int) Linear.predict(theirs, row)).as("row %d", i).isEqualTo(ours.label(d));
            Linear.predictProbability(theirs, row, pr);
            assertThat(LogRegModel.probability(d)).isCloseTo(pr[0], within(1e-12));
        }
    }

    // ---------------------------------------------------------------- malformed files

    private static final String GOOD_HEADER =
            "solver_type L1R_LR\nnr_class 2\nlabel 1 -1\nnr_feature 3\nbias -1\nw\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated weights   | 8 | truncated model: expected 3 weight lines after 'w', found 2
            non-numeric weight  | 8 | weight 2 must be a number, found 'abc'
            NaN weight          | 7 | weight 1 must be finite, found 'NaN'
            infinite weight     | 9 | weight 3 must be finite, found '-Infinity'
            java suffix weight  | 7 | weight 1 must be a number, found '1d'
            two numbers a line  | 7 | expected one weight per line
            extra content       | 11 | unexpected content after the 3 weights
            unknown key         | 3 | unknown header key 'gamma'
            nr_class 3          | 2 | multi-class models are not supported
            svm solver          | 1 | solver_type L2R_L2LOSS_SVC is not a logistic-regression model; smp reads L1R_LR, L2R_LR and L2R_LR_DUAL
            missing key at w    | 5 | missing header keys: nr_feature
            no w line           | 5 | truncated model: no 'w' line
            one label           | 3 | label must list two integer labels, found 1 values
            non-integer label   | 3 | label must list two integer labels, found 'x'
            duplicate key       | 4 | duplicate header key 'nr_class'
            bad nr_feature      | 4 | nr_feature must be a non-negative integer, found '-3'
            """)
    void malformedFilesNameTheLine(String kase, int line, String reason) throws IOException {
        String text = switch (kase) {
            case "truncated weights" -> GOOD_HEADER + "1 \n2 \n";
            case "non-numeric weight" -> GOOD_HEADER + "1 \nabc \n3 \n";
            case "NaN weight" -> GOOD_HEADER + "NaN \n2 \n3 \n";
            case "infinite weight" -> GOOD_HEADER + "1 \n2 \n-Infinity \n";
            case "java suffix weight" -> GOOD_HEADER + "1d \n2 \n3 \n";
            case "two numbers a line" -> GOOD_HEADER + "1 2 \n3 \n4 \n";
            case "extra content" -> GOOD_HEADER + "1 \n2 \n3 \n\n4 \n";
            case "unknown key" -> "solver_type L1R_LR\nnr_class 2\ngamma 0.5\n";
            case "nr_class 3" -> "solver_type L1R_LR\nnr_class 3\nlabel 1 2 3\n";
            case "svm solver" -> "solver_type L2R_L2LOSS_SVC\nnr_class 2\n";
            case "missing key at w" -> "solver_type L1R_LR\nnr_class 2\nlabel 1 -1\nbias -1\nw\n1 \n";
            case "no w line" -> "solver_type L1R_LR\nnr_class 2\nlabel 1 -1\nnr_feature 3\nbias -1\n";
            case "one label" -> "solver_type L1R_LR\nnr_class 2\nlabel 1\n";
            case "non-integer label" -> "solver_type L1R_LR\nnr_class 2\nlabel 1 x\n";
            case "duplicate key" -> "solver_type L1R_LR\nnr_class 2\nlabel 1 -1\nnr_class 2\n";
            case "bad nr_feature" -> "solver_type L1R_LR\nnr_class 2\nlabel 1 -1\nnr_feature -3\n";
            default -> throw new AssertionError(kase);
        };
        Path f = dir.resolve("bad.model");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LogRegModel.read(f))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":" + line + ": ")
                .hasMessageContaining(reason);
    }

    @Test
    void emptyFileAndMissingFileAreInputErrors() throws IOException {
        Path empty = dir.resolve("empty.model");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> LogRegModel.read(empty))
                .isInstanceOf(InputException.class)
                .hasMessage(empty + ": empty file: not a liblinear model");
        Path blank = dir.resolve("blank.model");
        Files.writeString(blank, "\n  \n");
        assertThatThrownBy(() -> LogRegModel.read(blank))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("empty file");
        Path missing = dir.resolve("missing.model");
        assertThatThrownBy(() -> LogRegModel.read(missing))
                .isInstanceOf(InputException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void hugeNrFeatureInAShortFileIsTruncationNotOutOfMemory() {
        String text = "solver_type L1R_LR\nnr_class 2\nlabel 1 -1\nnr_feature 2000000000\nbias 1\nw\n1 \n";
        assertThatThrownBy(() -> LogRegModel.read(new StringReader(text), "huge"))
                .isInstanceOf(InputException.class)
                .hasMessage("huge:7: truncated model: expected 2000000001 weight lines after 'w', found 1");
    }

    @Test
    void garbageNeverEscapesAsAnotherException() {
        Random rnd = new Random(5);
        String good = GOOD_HEADER + "1 \n2 \n3 \n";
        for (int t = 0; t < 2000; t++) {
            StringBuilder sb = new StringBuilder(good);
            int edits = 1 + rnd.nextInt(3);
            for (int k = 0; k < edits; k++) {
                int at = rnd.nextInt(sb.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, " x9-.e\nNaN".charAt(rnd.nextInt(10)));
                    default -> sb.setCharAt(at, (char) (32 + rnd.nextInt(95)));
                }
            }
            try {
                LogRegModel.read(new StringReader(sb.toString()), "fuzz");
            } catch (InputException expected) {
                assertThat(expected.getMessage()).startsWith("fuzz");
            } catch (Exception | Error e) {
                throw new AssertionError("escaped on input:\n" + sb, e);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static LogRegModel randomModel(Random rnd, int p, boolean withBias, int pos, int neg) {
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            // Sparse like an L1 model, with values whose decimal form is long and exponents varied.
            w[j] = rnd.nextInt(3) == 0 ? 0.0 : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(9) - 4);
        }
        return new LogRegModel(w, withBias ? rnd.nextGaussian() : Double.NaN, pos, neg);
    }

    private static CsrMatrix randomRows(Random rnd, int rows, int cols, double density) {
        int[] rowPtr = new int[rows + 1];
        List<Integer> col = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (rnd.nextDouble() < density) {
                    col.add(j);
                    val.add(rnd.nextGaussian());
                }
            }
            rowPtr[i + 1] = col.size();
        }
        return new CsrMatrix(rows, cols, rowPtr, col.stream().mapToInt(Integer::intValue).toArray(),
                val.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Row i as liblinear sees it: 1-based indices, with the bias node last. With a bias, index p + 1
     * is the bias slot, so data columns beyond p are left out (ours ignores them as unknown features);
     * without one they are passed on, and liblinear ignores them as ours does.
     */
    private static Feature[] liblinearRow(CsrMatrix x, int i, int p, double bias) {
        List<Feature> row = new ArrayList<>();
        for (int e = x.rowPtr[i]; e < x.rowPtr[i + 1]; e++) {
            int index = x.colIdx[e] + 1;
            if (bias < 0 || index <= p) {
                row.add(new FeatureNode(index, x.values[e]));
            }
        }
        if (bias >= 0) {
            row.add(new FeatureNode(p + 1, bias));
        }
        return row.toArray(new Feature[0]);
    }
}
