package org.smpframe.api;

import java.util.Arrays;
import java.util.List;

/**
 * Metrics of the committed model at one point of a run: named values in a fixed order (they become the columns
 * of the convergence trace), the first of which is always {@value #OBJECTIVE}, plus whether the app's stopping
 * rule holds.
 */
public final class Evaluation {
    public static final String OBJECTIVE = "objective";

    private final String[] names;
    private final double[] values;
    private final boolean converged;

    private Evaluation(String[] names, double[] values, boolean converged) {
        this.names = names;
        this.values = values;
        this.converged = converged;
    }

    /** Starts an evaluation with the objective value; add further metrics with {@link Builder#put}. */
    public static Builder objective(double objective) {
        return new Builder().put(OBJECTIVE, objective);
    }

    public double objective() {
        return values[0];
    }

    public boolean converged() {
        return converged;
    }

    public List<String> names() {
        return List.of(names);
    }

    /** The value of metric {@code name}, or NaN if this evaluation has none. */
    public double get(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return Double.NaN;
    }

    public double value(int i) {
        return values[i];
    }

    public int size() {
        return names.length;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : " ").append(names[i]).append('=').append(values[i]);
        }
        return sb.append(converged ? " (converged)" : "").toString();
    }

    public static final class Builder {
        private String[] names = new String[4];
        private double[] values = new double[4];
        private int size;
        private boolean converged;

        public Builder put(String name, double value) {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = value;
            size++;
            return this;
        }

        public Builder converged(boolean v) {
            converged = v;
            return this;
        }

        public Evaluation build() {
            return new Evaluation(Arrays.copyOf(names, size), Arrays.copyOf(values, size), converged);
        }
    }
}
