package org.smpframe.linear;

import org.smpframe.api.Scheduler;
import org.smpframe.schedulers.CyclicScheduler;
import org.smpframe.schedulers.DynamicScheduler;
import org.smpframe.schedulers.RandomScheduler;
import org.smpframe.schedulers.RotationScheduler;
import org.smpframe.schedulers.SchedulerSettings;
import org.smpframe.schedulers.Schedulers;
import org.smpframe.schedulers.ShardedCyclicScheduler;
import org.smpframe.schedulers.ShardedRandomScheduler;
import org.smpframe.schedulers.WorkingSetScheduler;

/**
 * The schedulers a coordinate-descent app can use: every registered one except the rotation, whose partitioned
 * schedules move model blocks between workers (LDA, MF) and mean nothing to an app whose workers each hold rows
 * of the data and push a partial for every scheduled coordinate. In the feature-sharded layout the built-in
 * names stand for their counterparts there: smp for the working-set scheduler, random and cyclic for their
 * per-worker baselines.
 */
public final class CoordinateSchedulers {
    private CoordinateSchedulers() {
    }

    /**
     * The scheduler named {@code name} for the row-sharded layout.
     *
     * @throws IllegalArgumentException for an unknown name or the rotation
     */
    public static Scheduler create(String name, SchedulerSettings settings) {
        return create(name, settings, Layout.ROWS);
    }

    /**
     * The scheduler named {@code name} for {@code layout}.
     *
     * @throws IllegalArgumentException for an unknown name, the rotation, or a plug-in scheduler in the feature
     *                                  layout (which needs a scheduler that gives each worker its own parameters)
     */
    public static Scheduler create(String name, SchedulerSettings settings, Layout layout) {
        Scheduler s = Schedulers.create(name, settings);
        if (s instanceof RotationScheduler) {
            throw new IllegalArgumentException("the rotation schedule moves model blocks between workers (lda, mf);"
                    + " coordinate descent uses smp, random or cyclic");
        }
        if (layout == Layout.ROWS) {
            return s;
        }
        if (s instanceof DynamicScheduler) {
            return new WorkingSetScheduler(settings);
        }
        if (s instanceof RandomScheduler) {
            return new ShardedRandomScheduler(settings);
        }
        if (s instanceof CyclicScheduler) {
            return new ShardedCyclicScheduler(settings);
        }
        throw new IllegalArgumentException("the " + s.name() + " scheduler has no feature-sharded form; use smp, "
                + "random or cyclic, or --layout rows");
    }
}
