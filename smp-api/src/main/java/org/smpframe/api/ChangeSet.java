package org.smpframe.api;

import java.util.Arrays;

/**
 * The parameter changes committed in one round, as fed back to a scheduler. Primitive arrays, grown as needed,
 * so that recording a round allocates nothing once warmed up.
 */
public final class ChangeSet implements ChangeSink {
    private long round = -1;
    private int[] params = new int[16];
    private double[] magnitudes = new double[16];
    private int size;
    private double workingSetGap = Double.NaN;

    /** Empties the set and labels it with the round whose changes it will hold. */
    public void reset(long round) {
        this.round = round;
        this.size = 0;
        this.workingSetGap = Double.NaN;
    }

    @Override
    public void changed(int param, double magnitude) {
        if (size == params.length) {
            params = Arrays.copyOf(params, size * 2);
            magnitudes = Arrays.copyOf(magnitudes, size * 2);
        }
        params[size] = param;
        magnitudes[size] = magnitude;
        size++;
    }

    @Override
    public void workingSetGap(double gap) {
        workingSetGap = gap;
    }

    /** The round's restricted duality gap, or NaN when the app reported none. */
    public double workingSetGap() {
        return workingSetGap;
    }

    public long round() {
        return round;
    }

    public int size() {
        return size;
    }

    public int param(int i) {
        return params[i];
    }

    public double magnitude(int i) {
        return magnitudes[i];
    }

    /** Copies this set into {@code target} (whose arrays are reused). */
    public void copyTo(ChangeSet target) {
        target.reset(round);
        for (int i = 0; i < size; i++) {
            target.changed(params[i], magnitudes[i]);
        }
        target.workingSetGap = workingSetGap;
    }
}
