package org.smpframe.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a run's progress on stderr, which stays free of results (those go to files and stdout): a progress
 * bar on a terminal, log lines otherwise (at most one a second), JSON lines for machines, or nothing.
 *
 * <p>A convergence-based run has no known number of rounds, so the bar shows progress toward the stopping rule
 * instead: with r the quantity the rule bounds (the relative duality gap, the relative subgradient), r₀ its
 * first value in the λ and r* the bound, the fraction log(r₀/r) / log(r₀/r*), which is about linear in time for
 * a linearly converging method, so the bar's time-left estimate means something.
 */
final class ProgressReporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("smp");
    private static final int TICKS = 1000;

    enum Mode { QUIET, LOG, BAR, JSON }

    /**
     * One evaluation, app-independent.
     *
     * @param measure the quantity the stopping rule bounds, and {@code target} its bound; with a NaN target,
     *                the fraction of a fixed amount of work done (e.g. iterations of a fixed count)
     * @param values  everything else worth printing, in order
     */
    record Event(int stage, int stages, double lambda, long round, long updates, double seconds, double objective,
                 double measure, double target, Map<String, Double> values) {
    }

    private final String app;
    private final Mode mode;
    private final PrintStream err;
    private long lastLogNanos = System.nanoTime();
    private int barStage = -1;
    private double firstMeasure;
    private double bestFraction;
    private ProgressBar bar;

    ProgressReporter(String app, Mode mode, PrintStream err) {
        this.app = app;
        this.mode = mode;
        this.err = err;
    }

    Mode mode() {
        return mode;
    }

    /** What the run is about to do: a log line, a JSON "start" event, or nothing when quiet. */
    void start(String description) {
        switch (mode) {
            case QUIET -> { }
            case JSON -> err.println("{\"event\":\"start\",\"app\":\"" + app + "\",\"description\":\""
                    + description.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            case LOG, BAR -> LOG.info(description);
        }
    }

    void onEvaluation(Event e) {
        if (e.stage() != barStage) {
            barStage = e.stage();
            firstMeasure = e.measure();
            bestFraction = 0;
            closeBar();
        }
        // The measure is not monotone (a duality gap can grow for a while); a bar that moves back would mislead.
        bestFraction = Math.max(bestFraction, fraction(e));
        switch (mode) {
            case QUIET -> { }
            case JSON -> err.println(json("evaluation", e, Map.of("progress", bestFraction)));
            case LOG -> {
                long now = System.nanoTime();
                if (now - lastLogNanos >= 1_000_000_000L) {
                    lastLogNanos = now;
                    LOG.info(line(e));
                }
            }
            case BAR -> {
                if (bar == null) {
                    bar = new ProgressBarBuilder()
                            .setTaskName(e.stages() > 1
                                    ? String.format(Locale.ROOT, "%s lambda %d/%d", app, e.stage() + 1, e.stages()) : app)
                            .setInitialMax(TICKS).setStyle(ProgressBarStyle.ASCII)
                            .setConsumer(new ConsoleProgressBarConsumer(err)).build();
                }
                bar.stepTo(Math.round(bestFraction * TICKS));
                bar.setExtraMessage(String.format(Locale.ROOT, " round %d  objective %.8g", e.round(), e.objective()));
            }
        }
    }

    void onStageEnd(Event e, boolean converged, String reason) {
        if (bar != null && converged) {
            bar.stepTo(TICKS);
        }
        closeBar();
        switch (mode) {
            case QUIET -> { }
            case JSON -> {
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("converged", converged);
                extra.put("reason", reason);
                err.println(json("stage_end", e, extra));
            }
            case LOG, BAR -> LOG.info(String.format(Locale.ROOT, "%s%s after %d rounds: %s", lambda(e),
                    converged ? "converged" : "stopped (" + reason + ")", e.round(), values(e)));
        }
    }

    /** Progress toward the stopping rule in [0, 1] (see the class documentation). */
    double fraction(Event e) {
        if (Double.isNaN(e.target())) {
            return Math.max(0.0, Math.min(1.0, e.measure())); // a fixed amount of work: the measure is the fraction done
        }
        double r0 = firstMeasure;
        double r = e.measure();
        double target = e.target();
        if (!(r > target) || !(target > 0)) {
            return 1.0;
        }
        if (!(r0 > target) || !(r > 0)) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(1.0, Math.log(r0 / r) / Math.log(r0 / target)));
    }

    private String line(Event e) {
        return String.format(Locale.ROOT, "%sround %d  %s  %.1f s", lambda(e), e.round(), values(e), e.seconds());
    }

    /** "lambda L  " for the apps that have one (a path of them), nothing for those that do not. */
    private static String lambda(Event e) {
        return Double.isNaN(e.lambda()) ? "" : String.format(Locale.ROOT, "lambda %.4g  ", e.lambda());
    }

    private static String values(Event e) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "objective %.10g", e.objective()));
        e.values().forEach((k, v) -> b.append("  ").append(k).append(' ').append(v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString(v.longValue()) : String.format(Locale.ROOT, "%.4g", v)));
        return b.toString();
    }

    /** One JSON object: only numbers, booleans and plain strings, so no general-purpose encoder is needed. */
    private String json(String event, Event e, Map<String, ?> extra) {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"event\":\"").append(event).append("\",\"app\":\"").append(app).append('"');
        number(b, "stage", e.stage());
        number(b, "lambda", e.lambda());
        number(b, "round", e.round());
        number(b, "updates", e.updates());
        number(b, "seconds", e.seconds());
        number(b, "objective", e.objective());
        e.values().forEach((k, v) -> number(b, k, v));
        extra.forEach((k, v) -> {
            if (v instanceof Number num) {
                number(b, k, num.doubleValue());
            } else if (v instanceof Boolean flag) {
                b.append(",\"").append(k).append("\":").append(flag);
            } else {
                b.append(",\"").append(k).append("\":\"").append(String.valueOf(v).replace("\\", "\\\\")
                        .replace("\"", "\\\"")).append('"');
            }
        });
        return b.append('}').toString();
    }

    private static void number(StringBuilder b, String key, double v) {
        b.append(",\"").append(key).append("\":");
        if (Double.isFinite(v)) {
            b.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
        } else {
            b.append("null"); // JSON has no NaN or infinity
        }
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void close() {
        closeBar();
    }
}
