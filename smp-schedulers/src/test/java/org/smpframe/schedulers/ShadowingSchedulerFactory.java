package org.smpframe.schedulers;

import org.smpframe.api.Scheduler;

/** A plug-in that tries to take a built-in name; the registry must keep the built-in. */
public final class ShadowingSchedulerFactory implements SchedulerFactory {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public Scheduler create(SchedulerSettings settings) {
        throw new AssertionError("a plug-in must not replace a built-in scheduler");
    }
}
