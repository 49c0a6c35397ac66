package org.smpframe.schedulers;

import java.util.List;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Schedule;
import org.smpframe.api.Scheduler;
import org.smpframe.api.SchedulerContext;

/** A plug-in as a later module would provide one, registered in META-INF/services of the test class path. */
public final class PluginSchedulerFactory implements SchedulerFactory {
    @Override
    public String name() {
        return "test-plugin";
    }

    @Override
    public List<String> aliases() {
        return List.of("plugin-alias");
    }

    @Override
    public Scheduler create(SchedulerSettings settings) {
        return new PluginScheduler(settings);
    }

    /** Any scheduler will do; what matters is that the registry found its factory. */
    static final class PluginScheduler implements Scheduler {
        private final CyclicScheduler delegate;

        PluginScheduler(SchedulerSettings settings) {
            delegate = new CyclicScheduler(settings);
        }

        @Override
        public String name() {
            return "test-plugin";
        }

        @Override
        public void init(SchedulerContext context) {
            delegate.init(context);
        }

        @Override
        public Schedule next(long round) {
            return delegate.next(round);
        }

        @Override
        public void observe(ChangeSet changes) {
            delegate.observe(changes);
        }
    }
}
