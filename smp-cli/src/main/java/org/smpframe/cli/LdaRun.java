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
import org.smpframe.api.SmpRuntime;
import org.smpframe.api.TracePoint;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.Corpus;
import org.smpframe.lda.LdaCheckpoint;
import org.smpframe.lda.LdaCheckpoints;
import org.smpframe.lda.LdaConfig;
import org.smpframe.lda.LdaMethod;
import org.smpframe.lda.LdaModel;
import org.smpframe.lda.LdaResult;
import org.smpframe.lda.LdaTrainer;

/**
 * A topic model trained from the command line on the embedded or the cluster runtime: writes {@code model/} (see
 * {@link LdaModel}), {@code trace.csv} (log-likelihood every few iterations) and plots, each file atomically;
 * prints a summary with the first topics' top words to stdout, progress to stderr.
 */
final class LdaRun {
    static final String TRACE_HEADER = "seconds,round,iteration,objective,ll_per_token,tokens_per_second";
    private final LdaConfig config;
    private final SmpRuntime runtime;
    private final int workers;
    private final int topWords;
    private final ProgressReporter progress;

    LdaRun(LdaConfig config, SmpRuntime runtime, int topWords, ProgressReporter progress) {
        this.config = config;
        this.runtime = runtime;
        this.workers = runtime.numWorkers();
        this.topWords = topWords;
        this.progress = progress;
    }

    /** Where a run directory keeps its checkpoint. */
    static Path checkpointFile(Path runDirectory) {
        return runDirectory.resolve("checkpoint").resolve("lda.ckpt");
    }

    LdaResult execute(Corpus train, Corpus test, Path out, PrintStream stdout) throws IOException {
        return execute(train, test, out, stdout, Checkpointing.none());
    }

    LdaResult execute(Corpus train, Corpus test, Path out, PrintStream stdout,
                      Checkpointing<LdaCheckpoint> checkpointing) throws IOException {
        progress.start(String.format(Locale.ROOT, "%s: %d documents, %d tokens, %d words%s; %d topics, %d workers, "
                        + "scheduler %s", train.source(), train.numDocs(), train.numTokens(), train.vocabularySize(),
                test == null ? "" : String.format(Locale.ROOT, "; %d test documents", test.numDocs()),
                config.topics(), workers, config.method().cliName()));
        IterationTrace trace = new IterationTrace(p -> progress.onEvaluation(event(p, train)));
        List<TracePoint> points = trace.points();
        // A resumed run's trace continues the earlier one's, times included.
        String prior = checkpointing.priorTrace();
        double secondsBefore = priorSeconds(prior);
        boolean saving = checkpointing.every() > 0 || checkpointing.seconds() > 0 || checkpointing.start() != null;
        LdaCheckpoints checkpoints = new LdaCheckpoints((int) checkpointing.every(), checkpointing.seconds(),
                checkpointing.start(), !saving ? null : c -> c.write(checkpointFile(out),
                        checkpointing.compatibility(), prior + traceRows(points, train, secondsBefore)));
        LdaResult result;
        try (runtime; progress) {
            Interruption.fitStarting();
            result = new LdaTrainer(config).fit(train, test, runtime, trace, checkpoints);
            progress.onStageEnd(event(result.summary().last(), train), false, result.summary().reason().toString());
        }
        Files.createDirectories(out);
        AtomicFiles.write(out.resolve("trace.csv"), w -> w.write(TRACE_HEADER + "\n" + prior
                + traceRows(points, train, secondsBefore)));
        if (!points.isEmpty()) {
            TracePlot.writeRunPlots(out.resolve("trace.csv"), "smp lda, " + config.method().cliName() + ", K = "
                    + config.topics() + ", " + workers + " workers");
        }
        result.model().info().put("train", train.source().replaceAll("\\s", "_"));
        result.model().save(out.resolve("model"), topWords);
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        printSummary(result, train, test, out, new PrintStream(summary, true, StandardCharsets.UTF_8));
        String text = summary.toString(StandardCharsets.UTF_8);
        stdout.print(text);
        RunDirectory.writeSummary(out, text);
        return result;
    }

    /** Iterations this process ran (a resumed run's seconds are its own, its iterations count from the start). */
    private double iterationsHere(LdaResult r) {
        int perIteration = config.method() == LdaMethod.ROTATION ? workers : 1;
        return r.summary().rounds() / (double) perIteration;
    }

    /** The time of the last row of a resumed run's trace (0 if there is none or it cannot be read). */
    private static double priorSeconds(String prior) {
        if (prior.isEmpty()) {
            return 0;
        }
        String lastRow = prior.substring(prior.lastIndexOf('\n', prior.length() - 2) + 1);
        try {
            return Double.parseDouble(lastRow.split(",", 2)[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The trace's rows for {@code points}, their times shifted by {@code secondsBefore} (a resumed run's). */
    private static String traceRows(List<TracePoint> points, Corpus train, double secondsBefore) {
        StringBuilder rows = new StringBuilder();
        for (TracePoint p : points) {
            Evaluation e = p.evaluation();
            long iteration = (long) e.get("iteration");
            double seconds = secondsBefore + p.seconds();
            rows.append(seconds).append(',').append(p.round()).append(',').append(iteration).append(',')
                    .append(e.objective()).append(',').append(e.get("ll_per_token")).append(',')
                    .append(iteration * (double) train.numTokens() / seconds).append('\n');
        }
        return rows.toString();
    }

    private ProgressReporter.Event event(TracePoint p, Corpus train) {
        Evaluation e = p.evaluation();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("iteration", e.get("iteration"));
        values.put("tokens/s", e.get("iteration") * train.numTokens() / Math.max(1e-9, p.seconds()));
        return new ProgressReporter.Event(0, 1, Double.NaN, p.round(), p.updates(), p.seconds(), e.objective(),
                e.get("iteration") / config.iterations(), Double.NaN, values);
    }

    private void printSummary(LdaResult r, Corpus train, Corpus test, Path out, PrintStream stdout) {
        double seconds = r.summary().seconds();
        stdout.printf(Locale.ROOT, "method          %s, %d topics, alpha %.4g, beta %.4g%n", config.method().cliName(),
                config.topics(), config.alpha(), config.beta());
        String stop = switch (r.summary().reason()) {
            case TIME_LIMIT -> ", stopped by --time-limit";
            case STOPPED -> ", stopped on request (Ctrl-C or SIGTERM)";
            case CONVERGED -> ", converged";
            case MAX_ROUNDS -> "";
        };
        stdout.printf(Locale.ROOT, "iterations      %s%s in %.2f s (%.3g tokens/s)%n",
                r.iterations() == Math.rint(r.iterations()) ? Long.toString((long) r.iterations())
                        : String.format(Locale.ROOT, "%.2f", r.iterations()),
                stop, seconds, iterationsHere(r) * train.numTokens() / Math.max(1e-9, seconds));
        stdout.printf(Locale.ROOT, "log-likelihood  %.8g (%.5f per token, of the saved state)%n", r.logLikelihood(),
                r.logLikelihood() / train.numTokens());
        if (test != null) {
            if (Double.isNaN(r.perplexity())) {
                stdout.printf(Locale.ROOT, "test perplexity none: the %d test documents have no token to hold out%n",
                        test.numDocs());
            } else {
                stdout.printf(Locale.ROOT, "test perplexity %.2f  (document completion, %d documents)%n",
                        r.perplexity(), test.numDocs());
            }
        }
        LdaModel m = r.model();
        int shown = Math.min(config.topics(), 10);
        for (int k = 0; k < shown; k++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "topic %-3d      ", k));
            for (int w : m.topWords(k, 8)) {
                line.append(m.vocabulary().id(w)).append(' ');
            }
            stdout.println(line.toString().stripTrailing());
        }
        if (shown < config.topics()) {
            stdout.printf(Locale.ROOT, "...             (all %d topics in model/top_words.txt)%n", config.topics());
        }
        stdout.printf(Locale.ROOT, "written to      %s (model/, trace.csv, objective-vs-*.png/svg, config.json, "
                + "summary.txt)%n", out);
    }
}
