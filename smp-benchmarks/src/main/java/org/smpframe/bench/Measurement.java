package org.smpframe.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Repeated runs of one configuration (seeds 1..reps) and their median.
 *
 * <p>A run that did not reach the target counts as infinitely slow, so the median is a time only when more than
 * half of the runs reached the target; otherwise the configuration is reported as "&gt;cap" (or "diverged" when
 * most runs diverged). Nothing is dropped.
 *
 * @param spec the configuration (the seed of the first run)
 * @param runs one outcome per repetition
 */
public record Measurement(RunSpec spec, List<RunOutcome> runs) {
    public Measurement {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
    }

    /** The median outcome, runs that did not reach the target ordered last (diverged after capped). */
    public RunOutcome median() {
        List<RunOutcome> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingInt((RunOutcome r) -> r.status().ordinal())
                .thenComparingDouble(RunOutcome::seconds));
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** Median seconds to target, or +∞ when the median run did not reach it. */
    public double medianSeconds() {
        RunOutcome m = median();
        return m.reached() ? m.seconds() : Double.POSITIVE_INFINITY;
    }

    /** Median coordinate updates to target (of the runs that reached it), or -1 if the median did not. */
    public long medianUpdates() {
        if (!median().reached()) {
            return -1;
        }
        List<Long> u = runs.stream().map(r -> r.reached() ? r.updates() : Long.MAX_VALUE).sorted().toList();
        return u.get((u.size() - 1) / 2);
    }

    /** Every run's seconds, in run order, e.g. "0.81 0.84 >20". */
    public String allSeconds() {
        return runs.stream().map(r -> r.secondsCell(spec.capSeconds())).collect(Collectors.joining(" "));
    }

    /** Median seconds for a table. */
    public String medianCell() {
        return median().secondsCell(spec.capSeconds());
    }

    /**
     * This configuration's median time divided by {@code base}'s: "3.2x"; "&gt;4.5x" when this one did not reach
     * the target (a lower bound from the cap), "n/a" when the base did not.
     */
    public String ratioTo(Measurement base) {
        double b = base.medianSeconds();
        if (!Double.isFinite(b)) {
            return "n/a";
        }
        double s = medianSeconds();
        if (Double.isFinite(s)) {
            return String.format(Locale.ROOT, "%.3gx", s / b);
        }
        RunOutcome m = median();
        if (m.status() == RunOutcome.Status.DIVERGED) {
            return "diverged";
        }
        return String.format(Locale.ROOT, ">%.1fx", spec.capSeconds() / b);
    }
}
