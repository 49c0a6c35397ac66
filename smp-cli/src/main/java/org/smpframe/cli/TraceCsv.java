package org.smpframe.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smpframe.data.AtomicFiles;
import org.smpframe.lasso.LassoListener;
import org.smpframe.lasso.LassoTracePoint;

/**
 * The convergence trace of a Lasso fit as CSV: seconds (solver time, evaluation excluded), round, objective,
 * gap, nnz, updates, then the path stage and its λ. Collected in memory and written atomically. A resumed fit's
 * trace starts with the rows of the run it continues (kept in the checkpoint).
 */
final class TraceCsv implements LassoListener {
    static final String HEADER = "seconds,round,objective,gap,nnz,updates,stage,lambda";
    private final String prior;
    private final List<LassoTracePoint> points = new ArrayList<>();

    TraceCsv() {
        this("");
    }

    /** A trace that continues {@code prior}, rows as {@link #rows} gives them. */
    TraceCsv(String prior) {
        this.prior = prior;
    }

    @Override
    public void onEvaluation(LassoTracePoint p) {
        points.add(p);
    }

    List<LassoTracePoint> points() {
        return points;
    }

    /** Every row so far, without the header: the earlier run's, then this one's. */
    String rows() {
        StringBuilder b = new StringBuilder(prior);
        for (LassoTracePoint p : points) {
            b.append(p.seconds()).append(',').append(p.round()).append(',').append(p.objective()).append(',')
                    .append(p.gap()).append(',').append(p.nonzeros()).append(',').append(p.updates()).append(',')
                    .append(p.stage()).append(',').append(p.lambda()).append('\n');
        }
        return b.toString();
    }

    void write(Path file) throws IOException {
        String rows = rows();
        AtomicFiles.write(file, w -> w.write(HEADER + "\n" + rows));
    }
}
