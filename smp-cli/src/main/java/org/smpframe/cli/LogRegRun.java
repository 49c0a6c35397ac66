package org.smpframe.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smpframe.api.Evaluation;
import org.smpframe.api.SmpRuntime;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.CheckpointFile;
import org.smpframe.linear.PathCheckpoint;
import org.smpframe.linear.PathCheckpoints;
import org.smpframe.data.LabeledDataset;
import org.smpframe.logreg.BinaryMetrics;
import org.smpframe.logreg.LogRegAggregator;
import org.smpframe.logreg.LogRegConfig;
import org.smpframe.logreg.LogRegListener;
import org.smpframe.logreg.LogRegResult;
import org.smpframe.logreg.LogRegStage;
import org.smpframe.logreg.LogRegTracePoint;
import org.smpframe.logreg.LogRegTrainer;

/**
 * A logistic-regression fit from the command line: runs it on the embedded or the cluster runtime and writes, each file
 * atomically, {@code model.txt} (liblinear format, the last λ), {@code trace.csv}, {@code path.csv} (one line per
 * λ) and, for a path, {@code models/lambda-NNN.txt}. Prints a summary to stdout, progress to stderr.
 */
final class LogRegRun {
    static final String TRACE_HEADER = "seconds,round,objective,subgradient,nnz,updates,stage,lambda,"
            + "train_accuracy,train_logloss,train_auc,test_accuracy,test_logloss,test_auc";
    private final LogRegConfig config;
    private final SmpRuntime runtime;
    private final int workers;
    private final ProgressReporter progress;

    LogRegRun(LogRegConfig config, SmpRuntime runtime, ProgressReporter progress) {
        this.config = config;
        this.runtime = runtime;
        this.workers = runtime.numWorkers();
        this.progress = progress;
    }

    private ProgressReporter.Event event(int stage, double lambda, long round, long updates, double seconds,
                                         Evaluation ev) {
        return new ProgressReporter.Event(stage, config.isPath() ? config.pathLength() : 1, lambda, round, updates,
                seconds, ev.objective(), ev.get(LogRegAggregator.SUBGRADIENT),
                ev.get(LogRegAggregator.SUBGRADIENT_TARGET),
                Map.of("subgradient", ev.get(LogRegAggregator.SUBGRADIENT), "nnz", ev.get(LogRegAggregator.NNZ)));
    }

    LogRegResult execute(LabeledDataset train, LabeledDataset test, Path out, PrintStream stdout) throws IOException {
        return execute(train, test, out, stdout, Checkpointing.none());
    }

    LogRegResult execute(LabeledDataset train, LabeledDataset test, Path out, PrintStream stdout,
                         Checkpointing<PathCheckpoint> checkpointing) throws IOException {
        progress.start(String.format(Locale.ROOT, "%s: %d rows, %d features, %d nonzeros; %d workers, scheduler %s",
                train.source(), train.numRows(), train.numFeatures(), train.features().nnz(), workers,
                config.scheduler()));
        List<LogRegTracePoint> points = new ArrayList<>();
        LogRegListener listener = new LogRegListener() {
            @Override
            public void onEvaluation(LogRegTracePoint p) {
                points.add(p);
                progress.onEvaluation(event(p.stage(), p.lambda(), p.round(), p.updates(), p.seconds(),
                        p.evaluation()));
            }

            @Override
            public void onStageEnd(LogRegStage s) {
                // The stage's last evaluation is the last trace point: counters from the start of the fit, as
                // in the evaluation events. A resumed fit that had nothing left to run has none in this process.
                if (points.isEmpty()) {
                    return;
                }
                LogRegTracePoint p = points.get(points.size() - 1);
                progress.onStageEnd(event(s.stage(), s.lambda(), p.round(), p.updates(), p.seconds(),
                        s.summary().last().evaluation()), s.converged(), s.summary().reason().toString());
            }
        };
        LogRegResult result;
        try (runtime; progress) {
            Interruption.fitStarting();
            Path file = CheckpointOptions.file(out, LogRegTrainer.CHECKPOINT_KIND);
            PathCheckpoints checkpoints = new PathCheckpoints(checkpointing.every(), checkpointing.seconds(),
                    checkpointing.start(), c -> CheckpointFile.write(file, LogRegTrainer.CHECKPOINT_KIND,
                            checkpointing.compatibility(), c::write, checkpointing.priorTrace() + traceRows(points)));
            result = new LogRegTrainer(config).fit(train, test, runtime, listener, checkpoints);
        }
        Files.createDirectories(out);
        String rows = checkpointing.priorTrace() + traceRows(points);
        AtomicFiles.write(out.resolve("trace.csv"), w -> w.write(TRACE_HEADER + "\n" + rows));
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
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        printSummary(result.last(), out, new PrintStream(summary, true, StandardCharsets.UTF_8));
        String text = summary.toString(StandardCharsets.UTF_8);
        stdout.print(text);
        RunDirectory.writeSummary(out, text);
        return result;
    }

    private static String metricsCsv(BinaryMetrics m) {
        return m == null ? ",," : m.accuracy() + "," + m.logLoss() + "," + m.auc();
    }

    /** The trace's rows (a resumed run's continue the earlier one's, which the checkpoint keeps). */
    private static String traceRows(List<LogRegTracePoint> points) {
        StringBuilder b = new StringBuilder();
        for (LogRegTracePoint p : points) {
            b.append(p.seconds()).append(',').append(p.round()).append(',').append(p.objective()).append(',')
                    .append(p.subgradient()).append(',').append(p.nonzeros()).append(',').append(p.updates())
                    .append(',').append(p.stage()).append(',').append(p.lambda()).append(',')
                    .append(metricsCsv(p.train())).append(',').append(metricsCsv(p.test())).append('\n');
        }
        return b.toString();
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
                + "path.csv, config.json, summary.txt%s)%n", out,
                config.isPath() ? ", models/" : "");
    }

    static void printMetrics(PrintStream stdout, String name, BinaryMetrics m) {
        stdout.printf(Locale.ROOT, "%-5s        accuracy %.4f  log-loss %.5f  AUC %.4f  (%d rows)%n", name,
                m.accuracy(), m.logLoss(), m.auc(), m.rows());
    }
}
