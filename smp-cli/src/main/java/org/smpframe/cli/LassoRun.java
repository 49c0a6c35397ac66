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
import org.smpframe.api.SmpRuntime;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.CheckpointFile;
import org.smpframe.data.LabeledDataset;
import org.smpframe.linear.PathCheckpoint;
import org.smpframe.linear.PathCheckpoints;
import org.smpframe.lasso.LassoConfig;
import org.smpframe.lasso.LassoListener;
import org.smpframe.lasso.LassoModel;
import org.smpframe.lasso.LassoResult;
import org.smpframe.lasso.LassoStage;
import org.smpframe.lasso.LassoTracePoint;
import org.smpframe.lasso.LassoTrainer;

/**
 * A Lasso fit from the command line: runs it on the embedded or the cluster runtime and writes, each file atomically,
 * {@code model.txt} (the last λ), {@code trace.csv}, {@code path.csv} (one line per λ) and, for a path,
 * {@code models/lambda-NNN.txt}. Prints a summary to stdout.
 */
final class LassoRun {
    private final LassoConfig config;
    private final SmpRuntime runtime;
    private final int workers;
    private final ProgressReporter progress;

    LassoRun(LassoConfig config, SmpRuntime runtime, ProgressReporter progress) {
        this.config = config;
        this.runtime = runtime;
        this.workers = runtime.numWorkers();
        this.progress = progress;
    }

    private ProgressReporter.Event event(LassoTracePoint p) {
        return new ProgressReporter.Event(p.stage(), config.isPath() ? config.pathLength() : 1, p.lambda(), p.round(),
                p.updates(), p.seconds(), p.objective(), p.gap() / Math.abs(p.objective()), config.tolerance(),
                Map.of("gap", p.gap(), "nnz", (double) p.nonzeros()));
    }

    /**
     * One λ of the run with its test metrics (NaN without test data), computed once for path.csv, the summary
     * and the demo's table.
     */
    record StageReport(LassoStage stage, double testRmse, double testR2) {
    }

    List<StageReport> execute(LabeledDataset train, LabeledDataset test, Path out, PrintStream stdout)
            throws IOException {
        return execute(train, test, out, stdout, Checkpointing.none());
    }

    List<StageReport> execute(LabeledDataset train, LabeledDataset test, Path out, PrintStream stdout,
                              Checkpointing<PathCheckpoint> checkpointing) throws IOException {
        progress.start(String.format(Locale.ROOT, "%s: %d rows, %d features, %d nonzeros; %d workers, scheduler %s",
                train.source(), train.numRows(), train.numFeatures(), train.features().nnz(), workers,
                config.scheduler()));
        TraceCsv trace = new TraceCsv(checkpointing.priorTrace());
        Path file = CheckpointOptions.file(out, LassoTrainer.CHECKPOINT_KIND);
        PathCheckpoints checkpoints = new PathCheckpoints(checkpointing.every(), checkpointing.seconds(),
                checkpointing.start(), c -> CheckpointFile.write(file, LassoTrainer.CHECKPOINT_KIND,
                        checkpointing.compatibility(), c::write, trace.rows()));
        LassoListener both = new LassoListener() {
            @Override
            public void onEvaluation(LassoTracePoint p) {
                trace.onEvaluation(p);
                progress.onEvaluation(event(p));
            }

            @Override
            public void onStageEnd(LassoStage s) {
                // The stage's last evaluation is the last trace point: counters from the start of the fit. A
                // resumed fit that had nothing left to run has none in this process: nothing to report.
                if (!trace.points().isEmpty()) {
                    progress.onStageEnd(event(trace.points().get(trace.points().size() - 1)), s.converged(),
                            s.summary().reason().toString());
                }
            }
        };
        LassoResult result;
        try (runtime; progress) {
            Interruption.fitStarting();
            result = new LassoTrainer(config).fit(train, runtime, both, checkpoints);
        }
        Files.createDirectories(out);
        trace.write(out.resolve("trace.csv"));
        TracePlot.writeRunPlots(out.resolve("trace.csv"), "smp lasso, " + config.scheduler() + ", " + workers + " workers");
        List<StageReport> reports = new ArrayList<>();
        StringBuilder path = new StringBuilder("stage,lambda,nnz,objective,gap,converged,rounds,seconds,test_rmse,test_r2\n");
        for (LassoStage s : result.stages()) {
            double[] testMetrics = test == null ? new double[] {Double.NaN, Double.NaN}
                    : PredictCommand.rmseAndR2(s.model().predict(test.features()), test.labels());
            reports.add(new StageReport(s, testMetrics[0], testMetrics[1]));
            path.append(String.format(Locale.ROOT, "%d,%s,%d,%s,%s,%s,%d,%s,%s,%s%n", s.stage(), s.lambda(),
                    s.model().nonzeros(), s.objective(),
                    s.gap(), s.converged(), s.summary().rounds(),
                    s.summary().seconds(), testMetrics[0], testMetrics[1]));
            if (config.isPath()) {
                s.model().save(out.resolve("models").resolve(String.format(Locale.ROOT, "lambda-%03d.txt", s.stage())));
            }
        }
        AtomicFiles.write(out.resolve("path.csv"), w -> w.write(path.toString()));
        LassoModel last = result.finalModel();
        last.save(out.resolve("model.txt"));
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        printSummary(reports.get(reports.size() - 1), test != null, out, new PrintStream(summary, true, StandardCharsets.UTF_8));
        String text = summary.toString(StandardCharsets.UTF_8);
        stdout.print(text);
        RunDirectory.writeSummary(out, text);
        return reports;
    }

    private void printSummary(StageReport report, boolean tested, Path out, PrintStream stdout) {
        LassoStage last = report.stage();
        LassoModel m = last.model();
        stdout.printf(Locale.ROOT, "lambda      %.6g%n", last.lambda());
        stdout.printf(Locale.ROOT, "objective   %.10g%n", last.objective());
        stdout.printf(Locale.ROOT, "gap         %.3g (%s)%n", last.gap(),
                last.converged() ? "converged" : "not converged: " + last.summary().reason());
        stdout.printf(Locale.ROOT, "nonzeros    %d of %d%n", m.nonzeros(), m.numFeatures());
        stdout.printf(Locale.ROOT, "intercept   %.6g%n", m.intercept());
        if (tested) {
            stdout.printf(Locale.ROOT, "test RMSE   %.6g%ntest R^2    %.6g%n", report.testRmse(), report.testR2());
        }
        stdout.printf(Locale.ROOT, "written to  %s (model.txt, trace.csv, objective-vs-*.png/svg, path.csv, config.json, summary.txt%s)%n", out,
                config.isPath() ? ", models/" : "");
    }
}
