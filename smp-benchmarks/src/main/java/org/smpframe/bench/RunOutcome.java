package org.smpframe.bench;

import java.util.Locale;

/**
 * How one run went: when it first reached the target objective, or why it did not.
 *
 * @param status    reached, stopped at the cap, or diverged
 * @param seconds   solver seconds (evaluation excluded) at the first evaluation at or below the target; for the
 *                  others, the solver seconds spent
 * @param updates   coordinate updates at that evaluation (or spent)
 * @param rounds    rounds at that evaluation (or spent)
 * @param objective the objective at that evaluation (the last finite one seen when not reached)
 * @param detail    why a run diverged (empty otherwise)
 */
public record RunOutcome(Status status, double seconds, long updates, long rounds, double objective, String detail) {

    public enum Status {
        REACHED, CAP, DIVERGED
    }

    public boolean reached() {
        return status == Status.REACHED;
    }

    /** Seconds for a table: the time, or "&gt;cap" / "diverged". */
    public String secondsCell(double cap) {
        return switch (status) {
            case REACHED -> String.format(Locale.ROOT, "%.3g", seconds);
            case CAP -> String.format(Locale.ROOT, ">%.0f", cap);
            case DIVERGED -> "diverged";
        };
    }
}
