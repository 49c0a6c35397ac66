package org.smpframe.linear;

import org.smpframe.api.Scheduler;
import org.smpframe.schedulers.DynamicScheduler;
import org.smpframe.schedulers.SchedulerSettings;

/**
 * What the coordinate-descent apps' solver state costs in memory, for the parts they share; each app adds its
 * own per-row and per-parameter arrays.
 */
public final class SolverMemory {
    private SolverMemory() {
    }

    /** Bytes of a row-major (CSR) copy of an n-row design with {@code nnz} nonzeros. */
    public static long rowMajorBytes(long n, long nnz) {
        return 12 * nnz + 4 * (n + 1);
    }

    /** Bytes of a column-major (CSC) copy of a design with p columns and {@code nnz} nonzeros. */
    public static long columnMajorBytes(int p, long nnz) {
        return 12 * nnz + 4 * (p + 1L);
    }

    /**
     * Bytes of a feature-layout scheduler over p parameters and what it asks of the dependency oracle: the
     * working set and its colours (8 bytes a parameter), the optimality report (8), and with a dependency filter
     * on several workers the pair memory and the oracle's copy of the data.
     */
    public static long featureSchedulerBytes(long n, int p, long nnz, int workers, String scheduler,
                                             SchedulerSettings settings) {
        Scheduler s = CoordinateSchedulers.create(scheduler, settings);
        boolean filtering = s instanceof DynamicScheduler && workers > 1 && DynamicScheduler.filters(settings);
        long memo = filtering ? DynamicScheduler.estimateBytes(p, settings) : 0;
        long oracle = ColumnCorrelation.estimateBytes(Math.toIntExact(n), p, nnz, filtering);
        return 24L * p + memo + oracle;
    }

    /**
     * Bytes of what every coordinate-descent solver over an n × p design holds: its column-major copy, the
     * workers' column-major shards (together the same nonzeros, and a column pointer each), the dependency
     * oracle (its column norms, and what it builds when a filtering smp scheduler asks it), and the scheduler
     * named {@code scheduler} (the smp scheduler's pair table or cache; 16 bytes a parameter for the others).
     */
    public static long sharedBytes(long n, int p, long nnz, int workers, String scheduler, SchedulerSettings settings) {
        Scheduler s = CoordinateSchedulers.create(scheduler, settings);
        boolean dynamic = s instanceof DynamicScheduler;
        long schedulerBytes = dynamic ? DynamicScheduler.estimateBytes(p, settings) : 16L * p;
        long oracleBytes = ColumnCorrelation.estimateBytes(Math.toIntExact(n), p, nnz,
                dynamic && DynamicScheduler.filters(settings));
        return 2 * columnMajorBytes(p, nnz) + 4L * (p + 1) * workers + oracleBytes + schedulerBytes;
    }
}
