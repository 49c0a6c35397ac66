package org.smpframe.linear;

import org.smpframe.api.Scheduler;
import org.smpframe.schedulers.RotationScheduler;
import org.smpframe.schedulers.SchedulerSettings;
import org.smpframe.schedulers.Schedulers;

/**
 * The schedulers a coordinate-descent app can use: every registered one except the rotation, whose partitioned
 * schedules move model blocks between workers (LDA, MF) and mean nothing to an app whose workers each hold rows
 * of the data and push a partial for every scheduled coordinate.
 */
public final class CoordinateSchedulers {
    private CoordinateSchedulers() {
    }

    /**
     * The scheduler named {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name or the rotation
     */
    public static Scheduler create(String name, SchedulerSettings settings) {
        Scheduler s = Schedulers.create(name, settings);
        if (s instanceof RotationScheduler) {
            throw new IllegalArgumentException("the rotation schedule moves model blocks between workers (lda, mf);"
                    + " coordinate descent uses smp, random or cyclic");
        }
        return s;
    }
}
