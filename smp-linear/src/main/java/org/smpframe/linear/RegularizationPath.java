package org.smpframe.linear;

import java.util.function.DoubleSupplier;

/** The λ grid of a regularization path, solved largest first with warm starts (as glmnet and liblinear do). */
public final class RegularizationPath {
    /** glmnet's {@code nlambda}: the path's length when none is given. */
    public static final int DEFAULT_LENGTH = 100;

    private RegularizationPath() {
    }

    /**
     * glmnet's {@code lambda.min.ratio}: the path ends at 1e-4·λ_max when there are more rows than features, at
     * 1e-2·λ_max otherwise (where smaller λ interpolate the data and the fits only get slower).
     */
    public static double defaultRatio(long rows, long features) {
        return rows > features ? 1e-4 : 1e-2;
    }

    /** {@code ratio} as a number in (0, 1), or "auto" for {@link #defaultRatio}. */
    public static double parseRatio(String ratio, long rows, long features) {
        if (ratio.trim().equalsIgnoreCase("auto")) {
            return defaultRatio(rows, features);
        }
        double r;
        try {
            r = Double.parseDouble(ratio.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--path-ratio must be a number in (0, 1) or auto, got '" + ratio + "'");
        }
        if (!(r > 0 && r < 1)) {
            throw new IllegalArgumentException("--path-ratio must be in (0, 1), got " + ratio);
        }
        return r;
    }

    /**
     * The λ values a fit solves: {@code lambda} alone when {@code length} is 0, else the path
     * {@link #logSpaced} from λ_max (computed only then).
     *
     * @param source   the data's name, for the error when λ_max is 0
     * @param whyZero  what λ_max = 0 means for this model, for that error
     */
    public static double[] of(double lambda, int length, double ratio, DoubleSupplier lambdaMax, String source,
                              String whyZero) {
        if (length == 0) {
            return new double[] {lambda};
        }
        double max = lambdaMax.getAsDouble();
        if (max == 0) {
            throw new IllegalArgumentException(source + ": " + whyZero + " (lambda_max = 0): there is no path to fit");
        }
        return logSpaced(max, length, ratio);
    }

    /** λ_max · ε^(k / (N − 1)), k = 0 .. N − 1: log-spaced from λ_max down to ε·λ_max. */
    public static double[] logSpaced(double lambdaMax, int length, double ratio) {
        if (length < 2) {
            throw new IllegalArgumentException("a path needs at least 2 values of lambda, got " + length);
        }
        double[] lambdas = new double[length];
        for (int k = 0; k < length; k++) {
            lambdas[k] = lambdaMax * Math.pow(ratio, k / (double) (length - 1));
        }
        return lambdas;
    }
}
