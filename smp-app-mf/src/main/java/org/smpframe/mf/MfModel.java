package org.smpframe.mf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.IdMap;
import org.smpframe.data.InputException;
import org.smpframe.data.KeyValueFile;

/**
 * A fitted factorization r̂ᵢⱼ = μ + bᵢ + cⱼ + wᵢ·hⱼ (μ, b, c only when fitted with biases), with the id maps of
 * the training data and, for recommendations, the items each user rated in training.
 *
 * <p>Saved as a directory of plain text files, readable by any tool:
 * <ul>
 *   <li>{@value #HEADER_FILE}: {@code key=value} lines: {@code format=smpframe-mf}, {@code version=1},
 *       {@code rank}, {@code biases}, {@code mean}, then information about the run (λ, iterations, RMSE...);</li>
 *   <li>{@value #USER_FILE} and {@value #ITEM_FILE}: one line per user (item), tab-separated: the id as in
 *       the training file, then (with biases) its bias, then its k factor values;</li>
 *   <li>{@value #RATED_FILE}: one line per user: the id, a tab, then the ids of the items it rated in
 *       training, separated by spaces (so {@code smp mf recommend} can leave them out).</li>
 * </ul>
 * Numbers are written with {@link Double#toString}, so a saved model reads back bit for bit.
 */
public final class MfModel {
    public static final String HEADER_FILE = "mf-model.properties";
    public static final String USER_FILE = "user_factors.tsv";
    public static final String ITEM_FILE = "item_factors.tsv";
    public static final String RATED_FILE = "rated_items.tsv";
    static final String FORMAT_NAME = "smpframe-mf";
    static final int VERSION = 1;

    private final FactorColumns columns;
    private final double mean;
    private final double[] w;
    private final double[] h;
    private final IdMap userIds;
    private final IdMap itemIds;
    private final Map<String, String> info = new LinkedHashMap<>();
    private double meanRating = Double.NaN;
    private int[] ratedPtr;
    private int[] rated;

    /** A model with row-major factor matrices in the {@link FactorColumns} layout. */
    public MfModel(FactorColumns columns, double mean, double[] w, double[] h, IdMap userIds, IdMap itemIds) {
        int cols = columns.count();
        if (w.length != userIds.size() * cols || h.length != itemIds.size() * cols) {
            throw new IllegalArgumentException("factor sizes do not match the id maps");
        }
        this.columns = columns;
        this.mean = mean;
        this.w = w;
        this.h = h;
        this.userIds = userIds;
        this.itemIds = itemIds;
    }

    public int rank() {
        return columns.rank();
    }

    public boolean biases() {
        return columns.biases();
    }

    public double mean() {
        return mean;
    }

    public int numUsers() {
        return userIds.size();
    }

    public int numItems() {
        return itemIds.size();
    }

    public IdMap userIds() {
        return userIds;
    }

    public IdMap itemIds() {
        return itemIds;
    }

    /** W row-major in the {@link FactorColumns} layout (not a copy). */
    double[] userMatrix() {
        return w;
    }

    /** H row-major in the {@link FactorColumns} layout (not a copy). */
    double[] itemMatrix() {
        return h;
    }

    /** Free-form facts about the run, saved in the header. */
    public Map<String, String> info() {
        return info;
    }

    /** Factor value {@code f} (0 .. rank-1) of user {@code u}. */
    public double userFactor(int u, int f) {
        return w[u * columns.count() + columns.firstFactor() + f];
    }

    /** Factor value {@code f} (0 .. rank-1) of item {@code j}. */
    public double itemFactor(int j, int f) {
        return h[j * columns.count() + columns.firstFactor() + f];
    }

    /** The bias of user {@code u} (0 without biases). */
    public double userBias(int u) {
        return columns.biases() ? w[u * columns.count()] : 0;
    }

    /** The bias of item {@code j} (0 without biases). */
    public double itemBias(int j) {
        return columns.biases() ? h[j * columns.count() + 1] : 0;
    }

    /** Predicted rating of user index {@code u} for item index {@code j}. */
    public double predict(int u, int j) {
        int cols = columns.count();
        int wo = u * cols;
        int ho = j * cols;
        double s = mean;
        for (int c = 0; c < cols; c++) {
            s += w[wo + c] * h[ho + c];
        }
        return s;
    }

    /**
     * The mean training rating: the best guess for a user or item the model has not seen (with biases the model
     * adds the known side's bias). NaN if not recorded.
     */
    public double meanRating() {
        return meanRating;
    }

    void setMeanRating(double v) {
        meanRating = v;
    }

    /** The prediction when user {@code u} or item {@code j} (either may be -1: unknown) is not in the model. */
    public double fallbackPrediction(int u, int j) {
        double base = Double.isNaN(meanRating) ? mean : meanRating;
        if (!columns.biases()) {
            return base;
        }
        return mean + (u >= 0 ? userBias(u) : 0) + (j >= 0 ? itemBias(j) : 0);
    }

    /** Records which items each user rated in training (triples by dense index), for {@link #recommend}. */
    public void setRated(int[] users, int[] items) {
        int n = userIds.size();
        int[] ptr = new int[n + 1];
        for (int u : users) {
            ptr[u + 1]++;
        }
        for (int u = 0; u < n; u++) {
            ptr[u + 1] += ptr[u];
        }
        int[] fill = Arrays.copyOf(ptr, n);
        int[] list = new int[users.length];
        for (int r = 0; r < users.length; r++) {
            list[fill[users[r]]++] = items[r];
        }
        for (int u = 0; u < n; u++) {
            Arrays.sort(list, ptr[u], ptr[u + 1]);
        }
        ratedPtr = ptr;
        rated = list;
    }

    /** Whether user {@code u} rated item {@code j} in training (false when that is not known). */
    public boolean rated(int u, int j) {
        return ratedPtr != null && Arrays.binarySearch(rated, ratedPtr[u], ratedPtr[u + 1], j) >= 0;
    }

    /**
     * The {@code top} items with the highest predicted rating for user index {@code u}, best first, leaving out
     * the items it rated in training; ties go to the lower item index.
     */
    public int[] recommend(int u, int top) {
        int n = Math.min(top, numItems());
        int[] best = new int[n];
        double[] score = new double[n];
        int size = 0;
        for (int j = 0; j < numItems(); j++) {
            if (rated(u, j)) {
                continue;
            }
            double s = predict(u, j);
            if (size < n) {
                size++;
            } else if (!(s > score[n - 1])) {
                continue;
            }
            int k = size - 1;
            while (k > 0 && s > score[k - 1]) { // insertion into a short sorted list: top is small
                best[k] = best[k - 1];
                score[k] = score[k - 1];
                k--;
            }
            best[k] = j;
            score[k] = s;
        }
        return Arrays.copyOf(best, size);
    }

    /** Writes the model into directory {@code dir} (created if needed), each file atomically. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(HEADER_FILE), out -> {
            out.write("format=" + FORMAT_NAME + "\nversion=" + VERSION + "\nrank=" + columns.rank() + "\nbiases="
                    + columns.biases() + "\nmean=" + mean + "\n" + (Double.isNaN(meanRating) ? "" : "mean_rating="
                    + meanRating + "\n"));
            for (Map.Entry<String, String> e : info.entrySet()) {
                out.write(e.getKey() + "=" + e.getValue().replace('\n', ' ') + "\n");
            }
        });
        AtomicFiles.write(dir.resolve(USER_FILE), out -> writeFactors(out, userIds, w, true));
        AtomicFiles.write(dir.resolve(ITEM_FILE), out -> writeFactors(out, itemIds, h, false));
        if (ratedPtr != null) {
            AtomicFiles.write(dir.resolve(RATED_FILE), out -> {
                StringBuilder line = new StringBuilder();
                for (int u = 0; u < numUsers(); u++) {
                    line.setLength(0);
                    line.append(userIds.id(u)).append('\t');
                    for (int k = ratedPtr[u]; k < ratedPtr[u + 1]; k++) {
                        line.append(k == ratedPtr[u] ? "" : " ").append(itemIds.id(rated[k]));
                    }
                    out.write(line.append('\n').toString());
                }
            });
        }
    }

    private void writeFactors(Writer out, IdMap ids, double[] f, boolean userSide) throws IOException {
        int cols = columns.count();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            line.setLength(0);
            line.append(ids.id(i));
            if (columns.biases()) {
                line.append('\t').append(f[i * cols + (userSide ? 0 : 1)]);
            }
            for (int c = columns.firstFactor(); c < cols; c++) {
                line.append('\t').append(f[i * cols + c]);
            }
            out.write(line.append('\n').toString());
        }
    }

    /**
     * Reads a model saved by {@link #save}.
     *
     * @throws InputException naming the file and line of anything malformed, or a missing file
     */
    public static MfModel load(Path dir) {
        Path headerFile = dir.resolve(HEADER_FILE);
        Map<String, String> header = KeyValueFile.read(headerFile, "is this an MF model directory?");
        if (!FORMAT_NAME.equals(header.get("format"))) {
            throw new InputException(headerFile.toString(), 0, "not an SMPFrame MF model (format="
                    + header.get("format") + ")");
        }
        if (!Integer.toString(VERSION).equals(header.get("version"))) {
            throw new InputException(headerFile.toString(), 0, "model version " + header.get("version")
                    + ", this build reads " + VERSION);
        }
        int rank = positiveInt(header, "rank", headerFile);
        String biasesText = header.get("biases");
        if (!"true".equals(biasesText) && !"false".equals(biasesText)) {
            throw new InputException(headerFile.toString(), 0, "biases must be true or false, got " + biasesText);
        }
        double mean = finite(header, "mean", headerFile);
        FactorColumns columns = new FactorColumns(rank, Boolean.parseBoolean(biasesText));
        IdMap users = IdMap.create();
        IdMap items = IdMap.create();
        double[] w = readFactors(dir.resolve(USER_FILE), columns, users, true);
        double[] h = readFactors(dir.resolve(ITEM_FILE), columns, items, false);
        MfModel model = new MfModel(columns, mean, w, h, users, items);
        if (header.containsKey("mean_rating")) {
            model.meanRating = finite(header, "mean_rating", headerFile);
        }
        for (Map.Entry<String, String> e : header.entrySet()) {
            if (!Arrays.asList("format", "version", "rank", "biases", "mean", "mean_rating").contains(e.getKey())) {
                model.info.put(e.getKey(), e.getValue());
            }
        }
        Path ratedFile = dir.resolve(RATED_FILE);
        if (Files.exists(ratedFile)) {
            model.readRated(ratedFile);
        }
        return model;
    }

    private static int positiveInt(Map<String, String> header, String key, Path file) {
        try {
            int v = Integer.parseInt(header.getOrDefault(key, ""));
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(file.toString(), 0, key + " must be a positive integer, got " + header.get(key));
    }

    private static double finite(Map<String, String> header, String key, Path file) {
        try {
            double v = Double.parseDouble(header.getOrDefault(key, ""));
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(file.toString(), 0, key + " must be a finite number, got " + header.get(key));
    }

    private static double[] readFactors(Path file, FactorColumns columns, IdMap ids, boolean userSide) {
        int cols = columns.count();
        int fields = 1 + columns.rank() + (columns.biases() ? 1 : 0);
        double[] f = new double[16 * cols];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                String[] parts = line.split("\t", -1);
                if (parts.length != fields) {
                    throw new InputException(file.toString(), no, "expected " + fields + " tab-separated fields (id"
                            + (columns.biases() ? ", bias" : "") + ", " + columns.rank() + " factors), got "
                            + parts.length);
                }
                if (parts[0].isEmpty() || ids.indexOf(parts[0]) >= 0) {
                    throw new InputException(file.toString(), no, parts[0].isEmpty() ? "empty id"
                            : "duplicate id '" + clip(parts[0]) + "'");
                }
                int i;
                try {
                    i = ids.intern(parts[0]);
                } catch (IllegalArgumentException e) {
                    throw new InputException(file.toString(), no, e.getMessage());
                }
                if ((i + 1) * cols > f.length) {
                    f = Arrays.copyOf(f, f.length * 2);
                }
                int field = 1;
                for (int c = 0; c < cols; c++) {
                    boolean learned = userSide ? columns.learnedInW(c) : columns.learnedInH(c);
                    f[i * cols + c] = learned ? number(parts[field++], file, no) : 1.0;
                }
            }
            if (no == 0) {
                throw new InputException(file.toString(), 0, "empty factor file");
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), 0, "no such file (is this an MF model directory?)");
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
        return Arrays.copyOf(f, ids.size() * cols);
    }

    private void readRated(Path file) {
        int n = numUsers();
        int[][] lists = new int[n][];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                int tab = line.indexOf('\t');
                int u = tab < 0 ? -1 : userIds.indexOf(line.substring(0, tab));
                if (u < 0) {
                    throw new InputException(file.toString(), no, "expected a user id of the model, a tab and item ids");
                }
                String rest = line.substring(tab + 1).trim();
                String[] ids = rest.isEmpty() ? new String[0] : rest.split(" +");
                int[] list = new int[ids.length];
                for (int k = 0; k < ids.length; k++) {
                    list[k] = itemIds.indexOf(ids[k]);
                    if (list[k] < 0) {
                        throw new InputException(file.toString(), no, "unknown item id '" + clip(ids[k]) + "'");
                    }
                }
                lists[u] = list;
            }
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
        int total = 0;
        for (int[] l : lists) {
            total += l == null ? 0 : l.length;
        }
        int[] us = new int[total];
        int[] is = new int[total];
        int k = 0;
        for (int u = 0; u < n; u++) {
            if (lists[u] != null) {
                for (int j : lists[u]) {
                    us[k] = u;
                    is[k++] = j;
                }
            }
        }
        setRated(us, is);
    }

    private static double number(String text, Path file, long line) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(file.toString(), line, "not a finite number: '" + clip(text) + "'");
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
