package org.smpframe.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.smpframe.api.RoundListener;
import org.smpframe.api.TracePoint;

/**
 * The trace of an app that evaluates once per iteration (MF, LDA): one point per newly completed iteration, its
 * number in the evaluation's {@code iteration}. A run stopped part-way through an iteration is evaluated once
 * more with the last iteration's numbers; that repeat, and the empty evaluation before any iteration, are left
 * out.
 */
final class IterationTrace implements RoundListener {
    private final List<TracePoint> points = new ArrayList<>();
    private final Consumer<TracePoint> onNew;

    /** @param onNew called for every point kept (e.g. to report progress) */
    IterationTrace(Consumer<TracePoint> onNew) {
        this.onNew = onNew;
    }

    @Override
    public void onEvaluation(TracePoint p) {
        double iteration = p.evaluation().get("iteration");
        if (iteration > 0 && (points.isEmpty()
                || iteration > points.get(points.size() - 1).evaluation().get("iteration"))) {
            points.add(p);
            onNew.accept(p);
        }
    }

    List<TracePoint> points() {
        return points;
    }
}
