package org.smpframe.logreg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.InputException;

/**
 * A trained binary linear classifier, stored in liblinear's text model format so that liblinear's
 * {@code predict} tool and liblinear-java ({@code Model.load} / {@code Linear.loadModel}) can use it
 * directly, and models trained by liblinear can be evaluated here.
 *
 * <p>The format, as liblinear writes it for a two-class model:
 * <pre>
 * solver_type L1R_LR
 * nr_class 2
 * label 1 -1
 * nr_feature 2           number of features, not counting the bias
 * bias 1                 B &gt;= 0: rows get an extra constant feature of value B; &lt; 0: no bias
 * w
 * -0.43432959011318945   weight of feature 1 (one line per feature, each number followed by a space)
 * 4.5976736082009190     weight of feature 2
 * -2.2164068333506184    the bias weight, present only when B &gt;= 0
 * </pre>
 * The header keys may come in any order before the {@code w} line.
 *
 * <p>Label order: the decision value is d = w·x (+ bias weight × B). liblinear predicts its
 * <em>first</em> label when d &gt; 0 and the second otherwise, so the first label on the
 * {@code label} line is {@link #positiveLabel()}, and {@link #probability(double)} of d is the
 * probability of that label.
 *
 * <p>Feature j of this class is column j of a {@link CsrMatrix} and index j + 1 in the file.
 */
public final class LogRegModel {

    private static final String ACCEPTED_SOLVERS = "L1R_LR, L2R_LR and L2R_LR_DUAL";

    private final double[] weights;
    private final double bias;
    private final int positiveLabel;
    private final int negativeLabel;

    /**
     * @param weights       one weight per feature; copied
     * @param bias          weight of the constant bias feature (already multiplied by its value), or
     *                      {@link Double#NaN} for a model without bias
     * @param positiveLabel the label predicted when the decision value is &gt; 0 (liblinear's first label)
     * @param negativeLabel the other label
     */
    public LogRegModel(double[] weights, double bias, int positiveLabel, int negativeLabel) {
        if (positiveLabel == negativeLabel) {
            throw new IllegalArgumentException("the two labels must differ, both are " + positiveLabel);
        }
        if (Double.isInfinite(bias)) {
            throw new IllegalArgumentException("bias must be finite or NaN (no bias), found " + bias);
        }
        this.weights = weights.clone();
        for (int j = 0; j < this.weights.length; j++) {
            if (!Double.isFinite(this.weights[j])) {
                throw new IllegalArgumentException("weight " + j + " is not finite: " + this.weights[j]);
            }
        }
        this.bias = bias;
        this.positiveLabel = positiveLabel;
        this.negativeLabel = negativeLabel;
    }

    public int numFeatures() {
        return weights.length;
    }

    public double[] weights() {
        return weights.clone();
    }

    public boolean hasBias() {
        return !Double.isNaN(bias);
    }

    /** The bias weight, or NaN when the model has none. */
    public double bias() {
        return bias;
    }

    public int positiveLabel() {
        return positiveLabel;
    }

    public int negativeLabel() {
        return negativeLabel;
    }

    /** Number of nonzero feature weights; the bias does not count. */
    public int nonzeros() {
        int nnz = 0;
        for (double w : weights) {
            nnz += w != 0 ? 1 : 0;
        }
        return nnz;
    }

    /**
     * The decision value of one row. Columns at or beyond {@link #numFeatures()} are ignored, as
     * liblinear ignores feature indices the model has never seen. The bias is added last, which is
     * where liblinear's extra bias node sits, so the sums agree to the bit.
     */
    public double decision(CsrMatrix x, int row) {
        double[] w = weights;
        int p = w.length;
        int[] col = x.colIdx;
        double[] val = x.values;
        double s = 0;
        for (int e = x.rowPtr[row], end = x.rowPtr[row + 1]; e < end; e++) {
            int j = col[e];
            if (j < p) {
                s += w[j] * val[e];
            }
        }
        return Double.isNaN(bias) ? s : s + bias;
    }

    /** Decision values of all rows. */
    public double[] decisions(CsrMatrix x) {
        double[] out = new double[x.numRows];
        for (int i = 0; i < out.length; i++) {
            out[i] = decision(x, i);
        }
        return out;
    }

    /**
     * σ(d) = 1 / (1 + e^−d), the probability of {@link #positiveLabel()}. The exponential is only
     * ever taken of a non-positive number, so it cannot overflow for any finite d.
     */
    public static double probability(double decision) {
        if (decision >= 0) {
            return 1 / (1 + Math.exp(-decision));
        }
        double e = Math.exp(decision);
        return e / (1 + e);
    }

    /** liblinear's rule: the first (positive) label only for a strictly positive decision value. */
    public int label(double decision) {
        return decision > 0 ? positiveLabel : negativeLabel;
    }

    /** Writes the model in liblinear's format, atomically: a reader never sees half a file. */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, this::write);
    }

    private void write(Writer out) throws IOException {
        // Solver type only tells readers how the model was made; they all accept L1R_LR for any
        // logistic-regression weights. The bias value is 1 because bias() already holds weight × B.
        StringBuilder sb = new StringBuilder(64);
        sb.append("solver_type L1R_LR\n")
                .append("nr_class 2\n")
                .append("label ").append(positiveLabel).append(' ').append(negativeLabel).append('\n')
                .append("nr_feature ").append(weights.length).append('\n')
                .append(hasBias() ? "bias 1\n" : "bias -1\n")
                .append("w\n");
        out.write(sb.toString());
        // Double.toString is locale-independent and round-trips exactly; C's %lf and Java's
        // parseDouble both read it. The trailing space is not decoration: liblinear-java ends a
        // weight at a space, not at a newline.
        for (double w : weights) {
            out.write(Double.toString(w));
            out.write(" \n");
        }
        if (hasBias()) {
            out.write(Double.toString(bias));
            out.write(" \n");
        }
    }

    /** Reads a liblinear model file; any defect is an {@link InputException} naming file and line. */
    public static LogRegModel read(Path file) throws IOException {
        String name = file.toString();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, name);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, "file not found");
        }
    }

    /**
     * Reads a liblinear model from {@code in} (not closed).
     *
     * @param sourceName the name used in error messages
     * @throws InputException for any content that is not a two-class logistic-regression model
     * @throws IOException    only when reading itself fails
     */
    public static LogRegModel read(Reader in, String sourceName) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        try {
            return parse(r, sourceName);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(sourceName, 0, "not a text file: " + e.getMessage(), e);
        }
    }

    private static LogRegModel parse(BufferedReader r, String name) throws IOException {
        String solver = null;
        int nrClass = -1;
        int[] labels = null;
        int nrFeature = -1;
        double biasValue = Double.NaN;
        int lineNo = 0;
        boolean sawAnything = false;
        String line;
        while (true) {
            line = r.readLine();
            if (line == null) {
                if (!sawAnything) {
                    throw new InputException(name, 0, "empty file: not a liblinear model");
                }
                throw new InputException(name, lineNo, "truncated model: no 'w' line"
                        + missingKeys(solver, nrClass, labels, nrFeature, biasValue));
            }
            lineNo++;
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            sawAnything = true;
            String[] tok = stripped.split("\\s+");
            String key = tok[0];
            if (key.equals("w")) {
                if (tok.length != 1) {
                    throw new InputException(name, lineNo, "expected 'w' alone on its line, found '" + stripped + "'");
                }
                String missing = missingKeys(solver, nrClass, labels, nrFeature, biasValue);
                if (!missing.isEmpty()) {
                    throw new InputException(name, lineNo, "header incomplete before 'w'" + missing);
                }
                break;
            }
            switch (key) {
                case "solver_type" -> {
                    checkNew(solver == null, key, name, lineNo);
                    String value = single(tok, name, lineNo);
                    if (!value.equals("L1R_LR") && !value.equals("L2R_LR") && !value.equals("L2R_LR_DUAL")) {
                        throw new InputException(name, lineNo, "solver_type " + value
                                + " is not a logistic-regression model; smp reads " + ACCEPTED_SOLVERS);
                    }
                    solver = value;
                }
                case "nr_class" -> {
                    checkNew(nrClass < 0, key, name, lineNo);
                    nrClass = parseCount(single(tok, name, lineNo), name, lineNo, "nr_class");
                    if (nrClass != 2) {
                        throw new InputException(name, lineNo, "nr_class " + nrClass
                                + ": multi-class models are not supported, only binary (nr_class 2)");
                    }
                }
                case "label" -> {
                    checkNew(labels == null, key, name, lineNo);
                    labels = parseLabels(tok, name, lineNo);
                }
                case "nr_feature" -> {
                    checkNew(nrFeature < 0, key, name, lineNo);
                    nrFeature = parseCount(single(tok, name, lineNo), name, lineNo, "nr_feature");
                }
                case "bias" -> {
                    checkNew(Double.isNaN(biasValue), key, name, lineNo);
                    biasValue = parseFinite(single(tok, name, lineNo), name, lineNo, "bias");
                }
                // liblinear writes rho only for one-class SVMs, which solver_type already rejects;
                // a stray rho means nothing to a logistic-regression model.
                case "rho" -> parseFinite(single(tok, name, lineNo), name, lineNo, "rho");
                default -> throw new InputException(name, lineNo, "unknown header key '" + key
                        + "' (expected solver_type, nr_class, label, nr_feature, bias or w)");
            }
        }

        boolean hasBias = biasValue >= 0;
        long expected = (long) nrFeature + (hasBias ? 1 : 0);
        if (expected > Integer.MAX_VALUE - 8) {
            throw new InputException(name, lineNo, "nr_feature " + nrFeature + " is too large for one array");
        }
        double[] w = readWeights(r, name, lineNo, expected);
        lineNo += (int) expected;
        String extra;
        while ((extra = r.readLine()) != null) {
            lineNo++;
            if (!extra.isBlank()) {
                throw new InputException(name, lineNo, "unexpected content after the " + expected
                        + " weights: '" + abbreviate(extra.strip()) + "'");
            }
        }
        double[] features = hasBias ? Arrays.copyOf(w, nrFeature) : w;
        // liblinear appends a constant feature of value B to each row, so the bias contributes
        // weight × B; folding B in here keeps decision() a plain w·x + bias.
        double bias = hasBias ? w[nrFeature] * biasValue : Double.NaN;
        return new LogRegModel(features, bias, labels[0], labels[1]);
    }

    /**
     * The weight lines following {@code w} at line {@code wLine}. The array grows as lines arrive
     * instead of being sized from the header, so a corrupt nr_feature in a short file is reported
     * as truncation rather than as an out-of-memory error.
     */
    private static double[] readWeights(BufferedReader r, String name, int wLine, long expected) throws IOException {
        double[] w = new double[(int) Math.min(expected, 1 << 16)];
        int lineNo = wLine;
        for (int k = 0; k < expected; k++) {
            String line = r.readLine();
            lineNo++;
            if (line == null) {
                throw new InputException(name, lineNo - 1, "truncated model: expected " + expected
                        + " weight lines after 'w', found " + k);
            }
            String s = line.strip();
            if (s.isEmpty()) {
                throw new InputException(name, lineNo, "expected weight " + (k + 1) + " of " + expected
                        + ", found an empty line");
            }
            for (int c = 0; c < s.length(); c++) {
                if (Character.isWhitespace(s.charAt(c))) {
                    throw new InputException(name, lineNo, "expected one weight per line (a two-class model),"
                            + " found '" + abbreviate(s) + "'");
                }
            }
            if (k == w.length) {
                w = Arrays.copyOf(w, (int) Math.min(expected, 2L * w.length));
            }
            w[k] = parseFinite(s, name, lineNo, "weight " + (k + 1));
        }
        return w;
    }

    private static String missingKeys(String solver, int nrClass, int[] labels, int nrFeature, double bias) {
        StringBuilder sb = new StringBuilder();
        if (solver == null) {
            sb.append(" solver_type");
        }
        if (nrClass < 0) {
            sb.append(" nr_class");
        }
        if (labels == null) {
            sb.append(" label");
        }
        if (nrFeature < 0) {
            sb.append(" nr_feature");
        }
        if (Double.isNaN(bias)) {
            sb.append(" bias");
        }
        return sb.length() == 0 ? "" : "; missing header keys:" + sb;
    }

    private static void checkNew(boolean isNew, String key, String name, int lineNo) {
        if (!isNew) {
            throw new InputException(name, lineNo, "duplicate header key '" + key + "'");
        }
    }

    private static String single(String[] tok, String name, int lineNo) {
        if (tok.length != 2) {
            throw new InputException(name, lineNo, "expected '" + tok[0] + " VALUE', found "
                    + (tok.length - 1) + " values");
        }
        return tok[1];
    }

    private static int[] parseLabels(String[] tok, String name, int lineNo) {
        if (tok.length != 3) {
            throw new InputException(name, lineNo, "label must list two integer labels, found "
                    + (tok.length - 1) + " values");
        }
        int[] labels = new int[2];
        for (int i = 0; i < 2; i++) {
            try {
                labels[i] = Integer.parseInt(tok[i + 1]);
            } catch (NumberFormatException e) {
                throw new InputException(name, lineNo, "label must list two integer labels, found '"
                        + abbreviate(tok[i + 1]) + "'");
            }
        }
        if (labels[0] == labels[1]) {
            throw new InputException(name, lineNo, "the two labels must differ, both are " + labels[0]);
        }
        return labels;
    }

    private static int parseCount(String s, String name, int lineNo, String what) {
        try {
            int v = Integer.parseInt(s);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(name, lineNo, what + " must be a non-negative integer, found '" + abbreviate(s) + "'");
    }

    /**
     * A finite decimal number. Java's parseDouble alone would also take type suffixes ("1d", "2f"),
     * which C's %lf stops at, so a file we accept could be misread by liblinear; they are refused.
     */
    private static double parseFinite(String s, String name, int lineNo, String what) {
        char last = s.isEmpty() ? ' ' : Character.toLowerCase(s.charAt(s.length() - 1));
        if (last != 'd' && last != 'f') {
            try {
                double v = Double.parseDouble(s);
                if (!Double.isFinite(v)) {
                    throw new InputException(name, lineNo, what + " must be finite, found '" + abbreviate(s) + "'");
                }
                return v;
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new InputException(name, lineNo, what + " must be a number, found '" + abbreviate(s) + "'");
    }

    /** Keeps messages readable when a binary or garbled file is fed in. */
    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LogRegModel{features=%d, nonzeros=%d, bias=%s, labels=%d/%d}",
                weights.length, nonzeros(), hasBias() ? Double.toString(bias) : "none", positiveLabel, negativeLabel);
    }
}
