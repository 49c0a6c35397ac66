package org.smpframe.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.LibSvmReader;
import org.smpframe.lasso.LassoModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smp predict}: apply a saved model to LibSVM data, write predictions, report RMSE and R². */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predict with a saved model; writes one prediction per line and prints RMSE and R^2 against the data's labels.")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.txt written by smp lasso.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "LibSVM data to predict.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write predictions (default: print to stdout).")
    Path out;

    @Override
    public Integer call() throws IOException {
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
