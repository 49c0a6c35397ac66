package org.smpframe.linear;

import java.util.Locale;

/**
 * How the linear apps spread a problem over workers.
 *
 * <ul>
 *   <li>{@link #ROWS}: rows sharded, every worker holds all columns of its rows, and a coordinate's update sums a
 *       partial from every worker (one reduction per round of L coordinates). For tall data, n ≫ p, where a
 *       column is long and p small (with covariance updates, for the Lasso).</li>
 *   <li>{@link #FEATURES}: columns sharded, every worker holds all rows of its columns and a replica of the
 *       n-vector state, and updates its own coordinates one after another (model parallel). For p ≫ n and wide
 *       sparse data, and the fastest on one machine for most shapes: a round carries whole sweeps.</li>
 * </ul>
 */
public enum Layout {
    ROWS,
    FEATURES;

    /** n ≥ this many times p, with p at most {@link #TALL_MAX_FEATURES}, is tall: rows layout for auto. */
    public static final int TALL_RATIO = 50;
    /** Beyond this many features, data is never treated as tall. */
    public static final int TALL_MAX_FEATURES = 500;

    /** "rows", "features" or "auto" (null for auto). */
    public static Layout parse(String name, long rows, long features) {
        return parse(name, auto(rows, features));
    }

    /** "rows", "features", or "auto" for {@code autoChoice} (an app's own rule for the shape). */
    public static Layout parse(String name, Layout autoChoice) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "rows" -> ROWS;
            case "features" -> FEATURES;
            case "auto" -> autoChoice;
            default -> throw new IllegalArgumentException("unknown layout '" + name + "'; use rows, features or auto");
        };
    }
    /** The layout for a problem of this shape: {@link #ROWS} for tall data, else {@link #FEATURES}. */
    public static Layout auto(long rows, long features) {
        return features <= TALL_MAX_FEATURES && rows >= TALL_RATIO * features ? ROWS : FEATURES;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
