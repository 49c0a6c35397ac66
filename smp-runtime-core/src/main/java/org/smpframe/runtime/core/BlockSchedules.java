package org.smpframe.runtime.core;

import java.util.Arrays;
import org.smpframe.api.Schedule;

/** The rule every runtime enforces for programs with moving blocks. */
public final class BlockSchedules {
    private BlockSchedules() {
    }

    /**
     * Checks, before a round runs, that {@code schedule} is partitioned and gives every one of {@code numBlocks}
     * blocks to at most one worker: the guarantee that makes block updates conflict-free. {@code seen} is scratch
     * space of numBlocks entries.
     */
    public static void check(Schedule schedule, boolean[] seen) {
        if (schedule.isShared()) {
            throw new IllegalStateException("a program with moving blocks needs partitioned schedules, round "
                    + schedule.round() + " is shared");
        }
        Arrays.fill(seen, false);
        for (int b : schedule.params()) {
            if (b < 0 || b >= seen.length) {
                throw new IllegalStateException("round " + schedule.round() + " schedules block " + b + " of "
                        + seen.length);
            }
            if (seen[b]) {
                throw new IllegalStateException("round " + schedule.round() + " gives block " + b
                        + " to two workers");
            }
            seen[b] = true;
        }
    }
}
