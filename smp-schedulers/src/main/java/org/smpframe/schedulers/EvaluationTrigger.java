package org.smpframe.schedulers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Optimality;

/**
 * When a scheduler of the feature-sharded layout asks for the next evaluation (the full optimality check, which
 * reads every column that might violate its condition and costs about one sweep over the data).
 *
 * <p>The changes a round reports are √(2 × objective decrease) of each coordinate's updates, so their squares
 * sum to twice what the round gained. Coordinate descent on a fixed working set converges about linearly: when a
 * round gained D and the one before D', the ratio q = D/D' predicts the rest of the working set's progress,
 * about D·q/(1 − q). The next check pays once that remainder falls below what it can still change: the smaller of
 * a fraction {@value #FRACTION_OF_GAP} of the last duality gap and half the run's target gap. It also pays when a
 * round changed nothing, and at the latest after {@value #MAX_ROUNDS} rounds without one.
 *
 * <p>Where the app reports the round's restricted duality gap ({@link ChangeSet#workingSetGap}), that bound is used
 * instead of the estimate: the working set is solved enough once its gap is below {@value #FRACTION_OF_GAP} of the
 * last full gap (Celer's rule), or half the target.
 */
final class EvaluationTrigger {
    /** Solve the working set until what it can still gain is this fraction of the last gap. */
    static final double FRACTION_OF_GAP = 0.3;
    /** Rounds between checks at most, whatever the estimate says. */
    static final int MAX_ROUNDS = 1_000;
    /** A ratio above this is not convergence yet (noise, or the first rounds of a phase). */
    static final double MAX_RATIO = 0.99;

    private double suboptimality = Double.NaN;
    private double target = Double.NaN;
    private double previousGain = Double.NaN;
    private double lastGain = Double.NaN;
    private double lastRestrictedGap = Double.NaN;
    private int roundsSinceCheck;
    private boolean asked; // a check was asked for and its report has not arrived (a pipeline runs ahead)
    private boolean reported; // a report arrived: before the first, a pipeline runs ahead of the run-start report
    private boolean complete; // the last report added nothing to the working set

    /**
     * A new check's report: the phase starts over. With {@code complete}, the report found nothing to add to the
     * working set: solving it is all that is left, and the phase aims at the run's target, not at a fraction of
     * the gap (which would only cost another check).
     */
    void reset(Optimality report, boolean complete) {
        this.complete = complete;
        suboptimality = report.suboptimality();
        target = report.target();
        previousGain = Double.NaN;
        lastGain = Double.NaN;
        lastRestrictedGap = Double.NaN;
        roundsSinceCheck = 0;
        asked = false;
        reported = true;
    }

    /** The changes of the next round observed. */
    void observe(ChangeSet changes) {
        double gain = 0;
        for (int i = 0; i < changes.size(); i++) {
            double m = changes.magnitude(i);
            gain += 0.5 * m * m;
        }
        previousGain = lastGain;
        lastGain = gain;
        lastRestrictedGap = changes.workingSetGap();
    }

    /**
     * Whether the round about to be scheduled should end with a check. Called once per scheduled round, so the
     * count of rounds since the check is the number of these calls.
     */
    boolean evaluateAfterNext() {
        if (!reported) {
            return false; // the run's first report is on its way: nothing to check before it
        }
        roundsSinceCheck++;
        boolean ask = decide();
        if (ask) {
            asked = true;
        }
        return ask;
    }

    private boolean decide() {
        if (roundsSinceCheck >= MAX_ROUNDS) {
            roundsSinceCheck = 0;
            return true;
        }
        if (asked) {
            return false;
        }
        if (Double.isNaN(suboptimality)) {
            return true;
        }
        if (lastGain == 0) {
            return true; // the last round observed moved nothing: the working set is solved
        }
        double enough = complete ? 0.5 * target : Math.max(FRACTION_OF_GAP * suboptimality, 0.5 * target);
        if (!(enough > 0)) {
            enough = 0.5 * target; // gap 0 or NaN: aim at the target
        }
        if (!Double.isNaN(lastRestrictedGap)) {
            return lastRestrictedGap <= enough;
        }
        if (!(previousGain > 0) || Double.isNaN(lastGain)) {
            return false;
        }
        double q = lastGain / previousGain;
        if (q > MAX_RATIO) {
            return false;
        }
        // After the coming round, what is left is about lastGain·q²/(1 − q).
        double remaining = lastGain * q * q / (1 - q);
        return remaining <= enough;
    }

    /** Whether a report arrived since the scheduler was initialised. */
    boolean reported() {
        return reported;
    }

    void save(DataOutput out) throws IOException {
        out.writeDouble(suboptimality);
        out.writeDouble(target);
        out.writeDouble(previousGain);
        out.writeDouble(lastGain);
        out.writeDouble(lastRestrictedGap);
        out.writeInt(roundsSinceCheck);
        out.writeBoolean(asked);
        out.writeBoolean(reported);
        out.writeBoolean(complete);
    }

    void restore(DataInput in) throws IOException {
        suboptimality = in.readDouble();
        target = in.readDouble();
        previousGain = in.readDouble();
        lastGain = in.readDouble();
        lastRestrictedGap = in.readDouble();
        roundsSinceCheck = in.readInt();
        asked = in.readBoolean();
        reported = in.readBoolean();
        complete = in.readBoolean();
    }
}
