package org.smpframe.linear;

import org.smpframe.data.CsrMatrix;

/**
 * How the feature-sharded layout places columns on workers, one per scheduler: the schedule decides who updates
 * what, and with the data sharded by columns that is decided once, by where the columns live.
 */
public enum PlacementStrategy {
    /** In order, P contiguous runs ({@code cyclic}). */
    CONTIGUOUS,
    /** Uniformly at random ({@code random}: Shotgun's independent assignment). */
    UNIFORM,
    /** Correlated columns together, from a sketch ({@code smp}). */
    CORRELATED;

    /** Sketch dimensions for {@link #CORRELATED}: estimates to about ±0.18 (one standard deviation). */
    public static final int SKETCH_DIMS = 64;
    /** Columns whose estimated |correlation| reaches this are kept on one worker. */
    public static final double GROUP_CORRELATION = 0.5;

    /** The strategy of scheduler {@code name}: smp, random or cyclic. */
    public static PlacementStrategy forScheduler(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "random" -> UNIFORM;
            case "cyclic" -> CONTIGUOUS;
            default -> CORRELATED;
        };
    }

    /**
     * The owner of every column of {@code x} (given by rows, centred by {@code colMean}) on {@code workers} workers,
     * balancing the columns' nonzeros.
     */
    /**
     * The strategy worth its cost for a problem of {@code nonzeros} stored entries: {@link #CONTIGUOUS} instead
     * of {@link #CORRELATED} when every working set of the problem is smaller than
     * {@link org.smpframe.schedulers.WorkingSetScheduler#DELEGATE_BELOW}, since each then goes whole to one
     * worker and the placement only splits the checks (golub, 2 workers: the sketch cost 11 ms of a 20 ms fit).
     */
    public PlacementStrategy forProblemOf(long nonzeros) {
        return this == CORRELATED && nonzeros < org.smpframe.schedulers.WorkingSetScheduler.DELEGATE_BELOW
                ? CONTIGUOUS : this;
    }

    public int[] place(CsrMatrix x, double[] colMean, int workers, long seed) {
        return place(x, colMean, null, workers, seed);
    }

    /**
     * As {@link #place(CsrMatrix, double[], int, long)}, with the data's dense centred columns when it has them
     * (the sketch is then made down the columns, the fast order for dense data), else null.
     */
    public int[] place(CsrMatrix x, double[] colMean, double[][] denseColumns, int workers, long seed) {
        int p = x.numCols;
        if (workers == 1) {
            return ColumnPlacement.single(p);
        }
        long[] weights = new long[p];
        for (int j : x.colIdx) {
            weights[j]++;
        }
        for (int j = 0; j < p; j++) {
            weights[j] = Math.max(1, weights[j]);
        }
        return switch (this) {
            case CONTIGUOUS -> ColumnPlacement.contiguous(weights, workers);
            case UNIFORM -> ColumnPlacement.uniform(weights, workers, seed);
            case CORRELATED -> ColumnPlacement.correlated(denseColumns != null
                    ? ColumnSketch.ofDense(denseColumns, SKETCH_DIMS, seed) : ColumnSketch.of(x, colMean, SKETCH_DIMS, seed),
                    weights, workers, GROUP_CORRELATION);
        };
    }
}
