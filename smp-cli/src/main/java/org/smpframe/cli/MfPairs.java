package org.smpframe.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.InputException;
import org.smpframe.data.IoConsumer;
import org.smpframe.mf.MfModel;

/**
 * {@code smp predict} for a matrix factorization: reads (user, item) pairs, one per line, separated by a tab,
 * spaces, a comma or {@code ::} (so a ratings file works as is: a third field is taken as the true rating and
 * gives the RMSE), and writes {@code user<TAB>item<TAB>prediction}. A user or item the model has not seen gets
 * the best guess without it: the mean plus the known bias (the mean alone without biases), and is counted.
 */
final class MfPairs {
    private MfPairs() {
    }

    static int predict(Path modelDir, Path data, Path out) throws IOException {
        MfModel m = MfModel.load(MfRecommendCommand.modelDirectory(modelDir));
        long[] counts = new long[3]; // pairs, unknown, with rating
        double[] sse = new double[1];
        StringBuilder result = new StringBuilder();
        try (BufferedReader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            String line;
            long no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] f = fields(trimmed);
                if (f.length < 2) {
                    throw new InputException(data.toString(), no, "expected a user id and an item id, got '"
                            + (trimmed.length() > 40 ? trimmed.substring(0, 40) + "..." : trimmed) + "'");
                }
                if (no == 1 && f.length >= 3 && !isNumber(f[2]) && f[0].equalsIgnoreCase("user")) {
                    continue; // a CSV header
                }
                int u = m.userIds().indexOf(f[0]);
                int j = m.itemIds().indexOf(f[1]);
                double pred;
                if (u >= 0 && j >= 0) {
                    pred = m.predict(u, j);
                } else {
                    counts[1]++;
                    pred = m.mean() + (u >= 0 ? m.userBias(u) : 0) + (j >= 0 ? m.itemBias(j) : 0);
                }
                counts[0]++;
                if (f.length >= 3) {
                    if (!isNumber(f[2])) {
                        throw new InputException(data.toString(), no, "third field '" + f[2]
                                + "' is not a rating (a number)");
                    }
                    double e = Double.parseDouble(f[2]) - pred;
                    sse[0] += e * e;
                    counts[2]++;
                }
                result.append(f[0]).append('\t').append(f[1]).append('\t').append(pred).append('\n');
            }
        } catch (NoSuchFileException e) {
            throw new InputException(data.toString(), 0, "no such file");
        }
        IoConsumer<Writer> rows = w -> w.write(result.toString());
        if (out != null) {
            AtomicFiles.write(out, rows);
        } else {
            System.out.print(result);
            System.out.flush();
        }
        PrintStream report = out != null ? System.out : System.err;
        report.printf(Locale.ROOT, "pairs %d  unknown user or item %d%s%n", counts[0], counts[1],
                counts[2] == counts[0] && counts[0] > 0
                        ? String.format(Locale.ROOT, "  RMSE %.6f", Math.sqrt(sse[0] / counts[2])) : "");
        return SmpCommand.EXIT_OK;
    }

    private static String[] fields(String line) {
        if (line.contains("::")) {
            return line.split("::", -1);
        }
        if (line.indexOf(',') >= 0) {
            return line.split(",", -1);
        }
        return line.split("\\s+");
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
