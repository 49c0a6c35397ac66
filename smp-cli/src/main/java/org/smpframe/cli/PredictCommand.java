package org.smpframe.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.InputException;
import org.smpframe.data.IoConsumer;
import org.smpframe.data.LabelRule;
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.LibSvmReader;
import org.smpframe.lasso.LassoModel;
import org.smpframe.logreg.BinaryMetrics;
import org.smpframe.logreg.LogRegModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code smp predict}: apply a saved model to LibSVM data and write predictions. A Lasso model gives one value
 * per line and RMSE and R²; a logistic-regression model (liblinear's format, also one written by liblinear
 * itself) gives, like liblinear's {@code predict -b 1}, a header {@code labels POS NEG} and per row the label and
 * the two class probabilities, and accuracy, log-loss and ROC AUC.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict with a saved Lasso, logistic-regression or MF model.",
            "Reads smp lasso's model.txt, or a logistic-regression model in liblinear's",
            "format (from smp logreg or liblinear), or smp mf's model directory. Writes one",
            "prediction per line (for a classifier: label and class probabilities, as",
            "liblinear's predict -b 1; for MF: user, item, predicted rating) and prints the",
            "metrics against the data's labels (ratings)."})
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.txt written by smp lasso or smp logreg, or the --out directory of smp mf.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "LibSVM data to predict; for an MF model, (user, item[, rating]) pairs, one per line.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write predictions (default: print to stdout).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (Files.isDirectory(model)) {
            return MfPairs.predict(model, data, out);
        }
        if (isLiblinearModel(model)) {
            return predictClasses();
        }
        LassoModel m = LassoModel.read(model);
        LabeledDataset d = LibSvmReader.read(data);
        double[] pred = m.predict(d.features());
        double[] metrics = rmseAndR2(pred, d.labels());
        if (out != null) {
            AtomicFiles.write(out, w -> {
                for (double v : pred) {
                    w.write(v + "\n");
                }
            });
        } else {
            for (double v : pred) {
                System.out.println(v);
            }
        }
        // Metrics go to stderr when predictions take stdout, so that stdout stays machine-readable.
        (out != null ? System.out : System.err).printf(Locale.ROOT, "rows %d  RMSE %.6g  R^2 %.6g%n",
                pred.length, metrics[0], metrics[1]);
        return SmpCommand.EXIT_OK;
    }

    /** liblinear's model files start with {@code solver_type}; smp's Lasso models with their own header. */
    private static boolean isLiblinearModel(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), 0, "no such file");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && first.startsWith("solver_type");
        } catch (MalformedInputException e) {
            throw new InputException(file.toString(), 1, "not a text model file");
        }
    }

    private int predictClasses() throws IOException {
        LogRegModel m = LogRegModel.read(model);
        LabeledDataset d = LibSvmReader.read(data, LibSvmReader.Options.defaults().withLabels(LabelRule.BINARY));
        double[] decisions = m.decisions(d.features());
        String header = "labels " + m.positiveLabel() + " " + m.negativeLabel();
        IoConsumer<Writer> rows = w -> {
            w.write(header + "\n");
            for (double dec : decisions) {
                double pPos = LogRegModel.probability(dec);
                w.write(m.label(dec) + " " + pPos + " " + (1 - pPos) + "\n");
            }
        };
        if (out != null) {
            AtomicFiles.write(out, rows);
        } else {
            Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            rows.accept(w);
            w.flush();
        }
        BinaryMetrics metrics = BinaryMetrics.of(decisions, positiveIsOne(d.labels(), m.positiveLabel()));
        LogRegRun.printMetrics(out != null ? System.out : System.err, "data", metrics);
        return SmpCommand.EXIT_OK;
    }

    /** Labels as +1 for the model's positive class, −1 otherwise (the file may say 0/1 or −1/+1). */
    private static double[] positiveIsOne(double[] labels, int positiveLabel) {
        double[] y = new double[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i] == positiveLabel ? 1 : -1;
        }
        return y;
    }

    /** Root mean squared error and the coefficient of determination 1 − SSE/SST. */
    static double[] rmseAndR2(double[] pred, double[] y) {
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < y.length; i++) {
            sse += (y[i] - pred[i]) * (y[i] - pred[i]);
            sst += (y[i] - mean) * (y[i] - mean);
        }
        return new double[] {Math.sqrt(sse / y.length), sst == 0 ? Double.NaN : 1 - sse / sst};
    }
}
