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
 * gap, nnz, updates, then the path stage and its λ. Collected in memory and written atomically.
 */
final class TraceCsv implements LassoListener {
    static final String HEADER = "seconds,round,objective,gap,nnz,updates,stage,lambda";
    private final List<LassoTracePoint> points = new ArrayList<>();

    @Override
    public void onEvaluation(LassoTracePoint p) {
        points.add(p);
    }

    List<LassoTracePoint> points() {
        return points;
    }

    void write(Path file) throws IOException {
        AtomicFiles.write(file, w -> {
            w.write(HEADER + "\n");
            for (LassoTracePoint p : points) {
                w.write(p.seconds() + "," + p.round() + "," + p.objective() + "," + p.gap() + "," + p.nonzeros()
                        + "," + p.updates() + "," + p.stage() + "," + p.lambda() + "\n");
            }
        });
    }
}
