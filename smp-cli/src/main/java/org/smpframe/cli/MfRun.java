package org.smpframe.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smpframe.api.Evaluation;
import org.smpframe.api.RunSummary;
import org.smpframe.api.SmpRuntime;
import org.smpframe.api.RunSnapshot;
import org.smpframe.api.TracePoint;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.CheckpointFile;
import org.smpframe.data.Ratings;
import org.smpframe.mf.MfCheckpoints;
import org.smpframe.mf.MfConfig;
import org.smpframe.mf.MfResult;
import org.smpframe.mf.MfTrainer;

/**
 * A matrix factorization from the command line: runs it on the embedded or the cluster runtime and writes, each file
 * atomically, {@code model/} ({@link org.smpframe.mf.MfModel}'s format), {@code trace.csv} (one line per outer
 * iteration) and the plots. Prints a summary to stdout, progress to stderr.
 */
final class MfRun {
    static final String TRACE_HEADER = "seconds,round,iteration,objective,train_rmse,test_rmse,loss,penalty";
    private final MfConfig config;
    private final SmpRuntime runtime;
    private final int workers;
    private final ProgressReporter progress;

    MfRun(MfConfig config, SmpRuntime runtime, ProgressReporter progress) {
        this.config = config;
        this.runtime = runtime;
        this.workers = runtime.numWorkers();
        this.progress = progress;
    }

    MfResult execute(Ratings train, Ratings test, Path out, PrintStream stdout) throws IOException {
        return execute(train, test, out, stdout, Checkpointing.none());
    }

    MfResult execute(Ratings train, Ratings test, Path out, PrintStream stdout,
                     Checkpointing<RunSnapshot> checkpointing) throws IOException {
        progress.start(String.format(Locale.ROOT, "%s: %d ratings, %d users, %d items%s; rank %d, %d workers, "
                        + "scheduler %s", train.source(), train.size(), train.numUsers(), train.numItems(),
                test == null ? "" : String.format(Locale.ROOT, "; %d test ratings", test.size()), config.rank(),
                workers, config.method().cliName()));
        IterationTrace trace = new IterationTrace(p -> progress.onEvaluation(event(p)));
        List<TracePoint> points = trace.points();
        MfResult result;
        try (runtime; progress) {
            Interruption.fitStarting();
            Path file = CheckpointOptions.file(out, MfCheckpoints.KIND);
            MfCheckpoints checkpoints = new MfCheckpoints(checkpointing.every(), checkpointing.seconds(),
                    checkpointing.start(), s -> CheckpointFile.write(file, MfCheckpoints.KIND,
                            checkpointing.compatibility(), s::write, checkpointing.priorTrace() + traceRows(points)));
            result = new MfTrainer(config).fit(train, test, runtime, trace, checkpoints);
            TracePoint last = result.summary().last();
            progress.onStageEnd(event(last), result.summary().reason() == RunSummary.StopReason.CONVERGED,
                    result.summary().reason().toString());
        }
        Files.createDirectories(out);
        String rows = checkpointing.priorTrace() + traceRows(points);
        AtomicFiles.write(out.resolve("trace.csv"), w -> w.write(TRACE_HEADER + "\n" + rows));
        if (!points.isEmpty()) {
            TracePlot.writeRunPlots(out.resolve("trace.csv"), "smp mf, " + config.method().cliName() + ", rank "
                    + config.rank() + ", " + workers + " workers");
        }
        result.model().info().put("train", train.source().replaceAll("\\s", "_"));
        result.model().save(out.resolve("model"));
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        printSummary(result, train, test, out, new PrintStream(summary, true, StandardCharsets.UTF_8));
        String text = summary.toString(StandardCharsets.UTF_8);
        stdout.print(text);
        RunDirectory.writeSummary(out, text);
        return result;
    }

    /** The trace's rows (a resumed run's continue the earlier one's, which the checkpoint keeps). */
    private static String traceRows(List<TracePoint> points) {
        StringBuilder b = new StringBuilder();
        for (TracePoint p : points) {
            Evaluation e = p.evaluation();
            b.append(p.seconds()).append(',').append(p.round()).append(',').append((long) e.get("iteration"))
                    .append(',').append(e.objective()).append(',').append(e.get("train_rmse")).append(',')
                    .append(e.get("test_rmse")).append(',').append(e.get("loss")).append(',').append(e.get("penalty"))
                    .append('\n');
        }
        return b.toString();
    }

    private ProgressReporter.Event event(TracePoint p) {
        Evaluation e = p.evaluation();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("iteration", e.get("iteration"));
        values.put("train_rmse", e.get("train_rmse"));
        if (!Double.isNaN(e.get("test_rmse"))) {
            values.put("test_rmse", e.get("test_rmse"));
        }
        return new ProgressReporter.Event(0, 1, config.lambda(), p.round(), p.updates(), p.seconds(),
                e.objective(), e.get("iteration") / config.iterations(), Double.NaN, values);
    }

    private void printSummary(MfResult r, Ratings train, Ratings test, Path out, PrintStream stdout) {
        stdout.printf(Locale.ROOT, "method       %s, rank %d, lambda %.6g (%s)%s%n", config.method().cliName(),
                config.rank(), config.lambda(), config.regularization().name().toLowerCase(Locale.ROOT),
                config.biases() ? ", with biases" : "");
        long done = (long) r.last().get("iteration");
        String why = switch (r.summary().reason()) {
            case MAX_ROUNDS -> "all requested";
            case CONVERGED -> "converged: last decrease below --tolerance";
            case TIME_LIMIT -> done == 0 ? "stopped by --time-limit before the first iteration ended"
                    : "stopped by --time-limit; the numbers are those of the last complete iteration, the saved"
                    + " model is a little further on";
            case STOPPED -> "stopped on request (Ctrl-C or SIGTERM); the numbers are those of the last complete"
                    + " iteration, the saved model is a little further on";
        };
        stdout.printf(Locale.ROOT, "iterations   %d (%s) in %.3f s%n", done, why, r.summary().seconds());
        stdout.printf(Locale.ROOT, "objective    %.10g%n", r.objective());
        stdout.printf(Locale.ROOT, "train RMSE   %.6f  (%d ratings, %d users, %d items)%n", r.trainRmse(), train.size(),
                train.numUsers(), train.numItems());
        if (test != null) {
            long skipped = test.skippedUnknown() + r.coldTestRatings();
            stdout.printf(Locale.ROOT, "test RMSE    %.6f  (%d ratings%s)%n", r.testRmse(), r.testRatings(),
                    skipped > 0 ? String.format(Locale.ROOT,
                            "; %d skipped: user or item without training ratings", skipped) : "");
        }
        stdout.printf(Locale.ROOT, "written to   %s (model/, trace.csv, objective-vs-*.png/svg, config.json, "
                + "summary.txt)%n", out);
    }
}
