package org.smpframe.schedulers;

import java.util.List;
import org.smpframe.api.Scheduler;

/**
 * Makes schedulers of one kind, so that {@link Schedulers#create} can select them by name. Besides the built-in
 * ones, factories are discovered with {@link java.util.ServiceLoader}: a module adds a scheduler by listing its
 * factory in {@code META-INF/services/org.smpframe.schedulers.SchedulerFactory}.
 */
public interface SchedulerFactory {
    /** The name the scheduler is selected by, lower case, e.g. "rotation". */
    String name();

    /** Further names that select the same scheduler; none by default. */
    default List<String> aliases() {
        return List.of();
    }

    /** A new, not yet initialised scheduler. */
    Scheduler create(SchedulerSettings settings);
}
