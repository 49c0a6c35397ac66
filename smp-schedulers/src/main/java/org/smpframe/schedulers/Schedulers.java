package org.smpframe.schedulers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.smpframe.api.Scheduler;

/**
 * Schedulers by name: the built-in "smp" (alias "dynamic"), "random", "cyclic" and
 * "rotation", plus every
 * {@link SchedulerFactory} found by {@link ServiceLoader} on the class path of the calling thread. Names are
 * matched ignoring case and surrounding blanks. A built-in name cannot be taken over by a plug-in.
 */
public final class Schedulers {
    private static final List<SchedulerFactory> BUILT_IN = List.of(
            builtIn(DynamicScheduler.NAME, List.of("dynamic"), DynamicScheduler::new),
            builtIn(RandomScheduler.NAME, List.of(), RandomScheduler::new),
            builtIn(CyclicScheduler.NAME, List.of(), CyclicScheduler::new),
            builtIn(RotationScheduler.NAME, List.of(), RotationScheduler::new));

    private Schedulers() {
    }

    /**
     * A new scheduler of kind {@code name} with {@code settings}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static Scheduler create(String name, SchedulerSettings settings) {
        if (name == null) {
            throw new IllegalArgumentException("scheduler name is null; known: " + String.join(", ", names()));
        }
        if (settings == null) {
            throw new IllegalArgumentException("scheduler settings are null");
        }
        String wanted = normalize(name);
        for (SchedulerFactory f : factories()) {
            if (normalize(f.name()).equals(wanted)) {
                return f.create(settings);
            }
            for (String alias : f.aliases()) {
                if (normalize(alias).equals(wanted)) {
                    return f.create(settings);
                }
            }
        }
        throw new IllegalArgumentException("unknown scheduler '" + name + "'; known: " + describe());
    }

    /** The names {@link #create} accepts (aliases aside): the built-in ones first, then plug-ins. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (SchedulerFactory f : factories()) {
            names.add(normalize(f.name()));
        }
        return List.copyOf(names);
    }

    // Built-ins first so that they win over a plug-in of the same name; later duplicates are dropped.
    // Discovery runs on every call: creating a scheduler is rare, and a fresh ServiceLoader sees the class path
    // of the calling thread as it is now.
    private static List<SchedulerFactory> factories() {
        List<SchedulerFactory> all = new ArrayList<>(BUILT_IN);
        for (SchedulerFactory f : ServiceLoader.load(SchedulerFactory.class)) {
            if (!taken(all, f)) {
                all.add(f);
            }
        }
        return all;
    }

    private static boolean taken(List<SchedulerFactory> factories, SchedulerFactory candidate) {
        for (SchedulerFactory f : factories) {
            if (clash(f, candidate.name())) {
                return true;
            }
            for (String alias : candidate.aliases()) {
                if (clash(f, alias)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean clash(SchedulerFactory f, String name) {
        String n = normalize(name);
        if (normalize(f.name()).equals(n)) {
            return true;
        }
        for (String alias : f.aliases()) {
            if (normalize(alias).equals(n)) {
                return true;
            }
        }
        return false;
    }

    private static String describe() {
        StringBuilder sb = new StringBuilder();
        for (SchedulerFactory f : factories()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(normalize(f.name()));
            if (!f.aliases().isEmpty()) {
                sb.append(" (alias ").append(String.join(", ", f.aliases())).append(')');
            }
        }
        return sb.toString();
    }

    private static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static SchedulerFactory builtIn(String name, List<String> aliases,
                                            Function<SchedulerSettings, Scheduler> constructor) {
        return new SchedulerFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> aliases() {
                return aliases;
            }

            @Override
            public Scheduler create(SchedulerSettings settings) {
                return constructor.apply(settings);
            }

            @Override
            public String toString() {
                return "built-in " + name;
            }
        };
    }
}
