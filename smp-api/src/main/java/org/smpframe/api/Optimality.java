package org.smpframe.api;

import java.util.Arrays;

/**
 * What an evaluation found out about each parameter's optimality, for a scheduler that works on the parameters
 * that still need it (a working set) and asks for evaluations itself ({@link Scheduler#wantsOptimality}).
 *
 * <p>{@link #score(int)} is the app's measure of how much parameter j needs updating, on one scale for all
 * parameters: {@code +∞} for a parameter that is free (a nonzero coefficient: it moves whenever the others do);
 * a positive number for one that violates its optimality condition (the larger, the more), or may do so soon
 * (a strong screening rule at a new penalty); at most 0 for one that is optimal where it is; {@code -∞} for one
 * proven to stay where it is at the optimum (safely screened). {@link #suboptimality()} bounds how far the whole
 * model is from the optimum (a duality gap) and {@link #target()} is where the run stops, both in objective
 * units, so a scheduler can tell how accurately to solve its working set before it asks for the next check.
 *
 * <p>A reusable holder: {@link #reset} sizes it, an aggregator fills it, a scheduler reads it (or copies it with
 * {@link #copyTo}) before the next report. Reporting allocates nothing once sized.
 */
public final class Optimality {
    private double[] scores = new double[0];
    private long round = -1;
    private double suboptimality = Double.NaN;
    private double target = Double.NaN;

    /** Empties the holder for a report on {@code numParameters} parameters, taken after {@code round} rounds. */
    public void reset(long round, int numParameters) {
        if (scores.length != numParameters) {
            scores = new double[numParameters];
        }
        Arrays.fill(scores, 0.0);
        this.round = round;
        this.suboptimality = Double.NaN;
        this.target = Double.NaN;
    }

    public void setScore(int param, double score) {
        scores[param] = score;
    }

    /** The bound on objective − optimum, and the value of it at which the run stops. */
    public void setBounds(double suboptimality, double target) {
        this.suboptimality = suboptimality;
        this.target = target;
    }

    public int numParameters() {
        return scores.length;
    }

    public double score(int param) {
        return scores[param];
    }

    /** Rounds done when the report was taken. */
    public long round() {
        return round;
    }

    public double suboptimality() {
        return suboptimality;
    }

    public double target() {
        return target;
    }

    /** Copies this report into {@code into} (whose array is reused when it has the right size). */
    public void copyTo(Optimality into) {
        if (into.scores.length != scores.length) {
            into.scores = new double[scores.length];
        }
        System.arraycopy(scores, 0, into.scores, 0, scores.length);
        into.round = round;
        into.suboptimality = suboptimality;
        into.target = target;
    }
}
