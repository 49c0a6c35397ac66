package org.smpframe.lasso;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.CsrMatrix;
import org.smpframe.data.InputException;

/**
 * A fitted Lasso: ŷ = b + xᵀβ on the scale of the input columns, with how it was made.
 *
 * <p>Text format (version 1), one {@code key value} per line, then the nonzero coefficients:
 * <pre>
 * # any comment
 * format smpframe-lasso 1
 * features 10            number of input columns p
 * intercept 152.13
 * lambda 0.05
 * ... further provenance keys (objective, gap, scheduler, seed, train, standardize, rounds)
 * coefficients 7         number of nonzero coefficients that follow
 * 3 519.8                1-based feature index, value
 * </pre>
 */
public final class LassoModel {
    static final String FORMAT = "smpframe-lasso";
    static final int VERSION = 1;

    private final double[] coefficients;
    private final double intercept;
    private final Map<String, String> provenance;

    /**
     * @param coefficients β on the original scale (length p); owned by the model
     * @param intercept    b
     * @param provenance   how it was made (λ, objective, gap, scheduler, seed, data); kept in file order
     */
    public LassoModel(double[] coefficients, double intercept, Map<String, String> provenance) {
        this.coefficients = coefficients;
        this.intercept = intercept;
        this.provenance = new LinkedHashMap<>(provenance);
    }

    public double[] coefficients() {
        return coefficients.clone();
    }

    public double intercept() {
        return intercept;
    }

    public int numFeatures() {
        return coefficients.length;
    }

    public int nonzeros() {
        int nnz = 0;
        for (double b : coefficients) {
            nnz += b != 0 ? 1 : 0;
        }
        return nnz;
    }

    /** A provenance value such as "lambda", or null. */
    public String info(String key) {
        return provenance.get(key);
    }

    public double lambda() {
        String l = provenance.get("lambda");
        return l == null ? Double.NaN : Double.parseDouble(l);
    }

    /** Predictions for every row; columns beyond the model's features are ignored (they had no coefficient). */
    public double[] predict(CsrMatrix x) {
        double[] out = new double[x.numRows];
        for (int i = 0; i < x.numRows; i++) {
            double s = intercept;
            for (int e = x.rowPtr[i], end = x.rowPtr[i + 1]; e < end; e++) {
                int j = x.colIdx[e];
                if (j < coefficients.length) {
                    s += x.values[e] * coefficients[j];
                }
            }
            out[i] = s;
        }
        return out;
    }

    /** Writes the model atomically: a reader never sees half a file. */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, this::write);
    }

    private void write(Writer w) throws IOException {
        w.write("# SMPFrame Lasso model: prediction = intercept + sum of value * coefficient over the features\n");
        w.write(FORMAT + " " + VERSION + "\n");
        w.write("features " + coefficients.length + "\n");
        w.write("intercept " + intercept + "\n");
        for (Map.Entry<String, String> e : provenance.entrySet()) {
            w.write(e.getKey() + " " + e.getValue() + "\n");
        }
        w.write("coefficients " + nonzeros() + "\n");
        for (int j = 0; j < coefficients.length; j++) {
            if (coefficients[j] != 0) {
                w.write((j + 1) + " " + coefficients[j] + "\n");
            }
        }
    }

    /** Reads a model written by {@link #save}; any defect is an {@link InputException} with file and line. */
    public static LassoModel read(Path file) {
        String name = file.toString();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, name);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, "file not found");
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static LassoModel parse(BufferedReader r, String name) throws IOException {
        int lineNo = 0;
        String line;
        boolean sawFormat = false;
        int features = -1;
        double intercept = Double.NaN;
        Map<String, String> info = new LinkedHashMap<>();
        while ((line = r.readLine()) != null) {
            lineNo++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split("\\s+", 2);
            String key = kv[0];
            String value = kv.length > 1 ? kv[1] : "";
            if (!sawFormat) {
                if (!key.equals(FORMAT)) {
                    throw new InputException(name, lineNo, "not an SMPFrame Lasso model (expected '" + FORMAT
                            + " " + VERSION + "', found '" + line + "')");
                }
                if (!value.equals(String.valueOf(VERSION))) {
                    throw new InputException(name, lineNo, "model format version '" + value
                            + "' is not supported (this build reads " + VERSION + ")");
                }
                sawFormat = true;
                continue;
            }
            switch (key) {
                case "features" -> features = (int) parseCount(value, name, lineNo, "features");
                case "intercept" -> intercept = parseFinite(value, name, lineNo, "intercept");
                case "coefficients" -> {
                    if (features < 0 || Double.isNaN(intercept)) {
                        throw new InputException(name, lineNo, "'coefficients' before 'features' and 'intercept'");
                    }
                    long count = parseCount(value, name, lineNo, "coefficients");
                    double[] beta = readCoefficients(r, name, lineNo, features, count);
                    return new LassoModel(beta, intercept, info);
                }
                default -> info.put(key, value);
            }
        }
        throw new InputException(name, lineNo, sawFormat ? "truncated model: no 'coefficients' section"
                : "empty file: not an SMPFrame Lasso model");
    }

    private static double[] readCoefficients(BufferedReader r, String name, int lineNo, int features, long count)
            throws IOException {
        double[] beta = new double[features];
        int previous = 0;
        for (long k = 0; k < count; k++) {
            String line = r.readLine();
            lineNo++;
            if (line == null) {
                throw new InputException(name, lineNo, "truncated model: expected " + count + " coefficients, found " + k);
            }
            String[] parts = line.strip().split("\\s+");
            if (parts.length != 2) {
                throw new InputException(name, lineNo, "expected 'index value', found '" + line.strip() + "'");
            }
            int index = (int) parseCount(parts[0], name, lineNo, "feature index");
            if (index < 1 || index > features) {
                throw new InputException(name, lineNo, "feature index " + index + " is outside 1.." + features);
            }
            if (index <= previous) {
                throw new InputException(name, lineNo, "feature index " + index + " is not after " + previous);
            }
            previous = index;
            beta[index - 1] = parseFinite(parts[1], name, lineNo, "coefficient");
        }
        String extra;
        while ((extra = r.readLine()) != null) {
            lineNo++;
            if (!extra.isBlank()) {
                throw new InputException(name, lineNo, "unexpected content after the " + count + " coefficients");
            }
        }
        return beta;
    }

    private static long parseCount(String s, String name, int line, String what) {
        try {
            long v = Long.parseLong(s.strip());
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(name, line, what + " must be a non-negative integer, found '" + s + "'");
        }
    }

    private static double parseFinite(String s, String name, int line, String what) {
        try {
            double v = Double.parseDouble(s.strip());
            if (!Double.isFinite(v)) {
                throw new InputException(name, line, what + " must be finite, found '" + s + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(name, line, what + " must be a number, found '" + s + "'");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LassoModel{features=%d, nonzeros=%d, intercept=%g, lambda=%s}",
                coefficients.length, nonzeros(), intercept, provenance.get("lambda"));
    }
}
