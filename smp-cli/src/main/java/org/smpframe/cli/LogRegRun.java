package org.smpframe.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.LabeledDataset;
import org.smpframe.logreg.BinaryMetrics;
import org.smpframe.logreg.LogRegConfig;
import org.smpframe.logreg.LogRegListener;
import org.smpframe.logreg.LogRegResult;
import org.smpframe.logreg.LogRegStage;
import org.smpframe.logreg.LogRegTracePoint;
import org.smpframe.logreg.LogRegTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A logistic-regression fit from the command line: runs it on the embedded runtime and writes, each file
 * atomically, {@code model.txt} (liblinear format, the last λ), {@code trace.csv}, {@code path.csv} (one line per
 * λ) and, for a path, {@code models/lambda-NNN.txt}. Prints a summary to stdout, progress to stderr.
 */
final class LogRegRun {
    private static final Logger LOG = LoggerFactory.getLogger("smp");
    static final String TRACE_HEADER = "seconds,round,objective,subgradient,nnz,updates,stage,lambda,"
            + "train_accuracy,train_logloss,train_auc,test_accuracy,test_logloss,test_auc";
    private final LogRegConfig config;
    private final int workers;

    LogRegRun(LogRegConfig config, int workers) {
        this.config = config;
        this.workers = workers;
    }

    LogRegResult execute(LabeledDataset train, LabeledDataset test, Path out, PrintStream stdout) throws IOException {
        LOG.info("{}: {} rows, {} features, {} nonzeros; {} workers, scheduler {}", train.source(), train.numRows(),
                train.numFeatures(), train.features().nnz(), workers, config.scheduler());
        List<LogRegTracePoint> points = new ArrayList<>();
        LogRegListener listener = new LogRegListener() {
            private long lastNanos = System.nanoTime();

            @Override
            public void onEvaluation(LogRegTracePoint p) {
                points.add(p);
                long now = System.nanoTime();
                if (now - lastNanos >= 1_000_000_000L) {
                    lastNanos = now;
                    LOG.info(String.format(Locale.ROOT, "lambda %.4g  round %d  objective %.10g  subgradient %.3g  "
                            + "nnz %d  %.1f s", p.lambda(), p.round(), p.objective(), p.subgradient(), p.nonzeros(),
                            p.seconds()));
                }
            }

            @Override
            public void onStageEnd(LogRegStage s) {
                LOG.info(String.format(Locale.ROOT, "lambda %.4g %s after %d rounds: objective %.10g  subgradient "
                        + "%.3g  nnz %d", s.lambda(), s.converged() ? "converged" : "stopped ("
                        + s.summary().reason() + ")", s.summary().rounds(), s.objective(), s.subgradient(),
                        s.model().nonzeros()));
            }
        };
        LogRegResult result;
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            result = new LogRegTrainer(config).fit(train, test, runtime, listener);
        }
        Files.createDirectories(out);
        AtomicFiles.write(out.resolve("trace.csv"), w -> {
            w.write(TRACE_HEADER + "\n");
            for (LogRegTracePoint p : points) {
                w.write(p.seconds() + "," + p.round() + "," + p.objective() + "," + p.subgradient() + ","
                        + p.nonzeros() + "," + p.updates() + "," + p.stage() + "," + p.lambda() + ","
                        + metricsCsv(p.train()) + "," + metricsCsv(p.test()) + "\n");
            }
        });
        TracePlot.writeRunPlots(out.resolve("trace.csv"), "smp logreg, " + config.scheduler() + ", " + workers + " workers");
        StringBuilder path = new StringBuilder("stage,lambda,nnz,objective,subgradient,converged,rounds,seconds,"
                + "train_accuracy,train_logloss,train_auc,test_accuracy,test_logloss,test_auc\n");
        for (LogRegStage s : result.stages()) {
            path.append(String.format(Locale.ROOT, "%d,%s,%d,%s,%s,%s,%d,%s,%s,%s%n", s.stage(), s.lambda(),
                    s.model().nonzeros(), s.objective(), s.subgradient(), s.converged(), s.summary().rounds(),
                    s.summary().seconds(), metricsCsv(s.train()), metricsCsv(s.test())));
            if (config.isPath()) {
                s.model().save(out.resolve("models").resolve(String.format(Locale.ROOT, "lambda-%03d.txt", s.stage())));
            }
        }
        AtomicFiles.write(out.resolve("path.csv"), w -> w.write(path.toString()));
        result.finalModel().save(out.resolve("model.txt"));
        printSummary(result.last(), out, stdout);
        return result;
    }

    private static String metricsCsv(BinaryMetrics m) {
        return m == null ? ",," : m.accuracy() + "," + m.logLoss() + "," + m.auc();
    }

    private void printSummary(LogRegStage last, Path out, PrintStream stdout) {
        stdout.printf(Locale.ROOT, "lambda       %.6g  (liblinear C = %.6g)%n", last.lambda(),
                1.0 / (last.lambda() * last.train().rows()));
        stdout.printf(Locale.ROOT, "objective    %.10g%n", last.objective());
        stdout.printf(Locale.ROOT, "subgradient  %.3g of its value at w = 0 (%s)%n", last.subgradient(),
                last.converged() ? "converged" : "not converged: " + last.summary().reason());
        stdout.printf(Locale.ROOT, "nonzeros     %d of %d%n", last.model().nonzeros(), last.model().numFeatures());
        printMetrics(stdout, "train", last.train());
        if (last.test() != null) {
            printMetrics(stdout, "test", last.test());
        }
        stdout.printf(Locale.ROOT, "written to   %s (model.txt in liblinear format, trace.csv, objective-vs-*.png/svg, "
                + "path.csv%s)%n", out,
                config.isPath() ? ", models/" : "");
    }

    static void printMetrics(PrintStream stdout, String name, BinaryMetrics m) {
        stdout.printf(Locale.ROOT, "%-5s        accuracy %.4f  log-loss %.5f  AUC %.4f  (%d rows)%n", name,
                m.accuracy(), m.logLoss(), m.auc(), m.rows());
    }
}
