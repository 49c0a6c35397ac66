package org.smpframe.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Locale;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.InputException;
import org.smpframe.data.IoConsumer;
import org.smpframe.data.TextFiles;
import org.smpframe.mf.MfModel;

/**
 * {@code smp predict} for a matrix factorization: reads (user, item) pairs, one per line, separated by a tab,
 * spaces, a comma or {@code ::} (so a ratings file works as is, plain, gzip or xz: a third field is taken as the
 * true rating and gives the RMSE; a first line whose third field is not a number, or whose first two fields are
 * not ids the model knows while looking like a header, is skipped), and writes
 * {@code user<TAB>item<TAB>prediction}. A user or item the model has not seen gets the model's best guess without
 * it ({@link MfModel#fallbackPrediction}) and is counted.
 */
final class MfPairs {
    private MfPairs() {
    }

    static int predict(Path modelDir, Path data, Path out) throws IOException {
        MfModel m = MfModel.load(MfRecommendCommand.modelDirectory(modelDir));
        long pairs = 0;
        long unknown = 0;
        long withRating = 0;
        double sse = 0;
        boolean first = true;
        StringBuilder result = new StringBuilder();
        long no = 0;
        try (BufferedReader in = TextFiles.open(data)) {
            String line;
            while ((line = in.readLine()) != null) {
                no++;
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] f = fields(trimmed);
                if (f.length < 2 || f[0].isEmpty() || f[1].isEmpty()) {
                    throw new InputException(data.toString(), no, "expected a user id and an item id, got '"
                            + (trimmed.length() > 40 ? trimmed.substring(0, 40) + "..." : trimmed) + "'");
                }
                boolean wasFirst = first;
                first = false;
                int u = m.userIds().indexOf(f[0]);
                int j = m.itemIds().indexOf(f[1]);
                if (wasFirst && (f.length >= 3 ? !isNumber(f[2]) : u < 0 && j < 0 && looksLikeHeader(f))) {
                    continue; // a header line such as user,item,rating or userId,movieId
                }
                double pred;
                if (u >= 0 && j >= 0) {
                    pred = m.predict(u, j);
                } else {
                    unknown++;
                    pred = m.fallbackPrediction(u, j);
                }
                pairs++;
                if (f.length >= 3) {
                    if (!isNumber(f[2])) {
                        throw new InputException(data.toString(), no, "third field '" + f[2]
                                + "' is not a rating (a number)");
                    }
                    double e = Double.parseDouble(f[2]) - pred;
                    sse += e * e;
                    withRating++;
                }
                result.append(f[0]).append('\t').append(f[1]).append('\t').append(pred).append('\n');
            }
        } catch (CharacterCodingException e) {
            throw new InputException(data.toString(), no + 1, "not valid UTF-8 text");
        } catch (IOException e) {
            throw new InputException(data.toString(), 0, "read error after line " + no + ": " + e.getMessage(), e);
        }
        IoConsumer<Writer> rows = w -> w.write(result.toString());
        if (out != null) {
            AtomicFiles.write(out, rows);
        } else {
            System.out.print(result);
            System.out.flush();
        }
        PrintStream report = out != null ? System.out : System.err;
        report.printf(Locale.ROOT, "pairs %d  unknown user or item %d%s%n", pairs, unknown,
                withRating == pairs && pairs > 0
                        ? String.format(Locale.ROOT, "  RMSE %.6f", Math.sqrt(sse / withRating)) : "");
        return SmpCommand.EXIT_OK;
    }

    private static String[] fields(String line) {
        String[] f;
        if (line.contains("::")) {
            f = line.split("::", -1);
        } else if (line.indexOf(',') >= 0) {
            f = line.split(",", -1);
        } else {
            f = line.split("\\s+");
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        return f;
    }

    private static boolean looksLikeHeader(String[] f) {
        return !isNumber(f[0]) && !isNumber(f[1]) && f[0].toLowerCase(Locale.ROOT).contains("user");
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
