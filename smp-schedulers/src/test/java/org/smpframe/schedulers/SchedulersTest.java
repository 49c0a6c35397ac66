package org.smpframe.schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smpframe.api.Scheduler;

class SchedulersTest {
    private static final SchedulerSettings SETTINGS = SchedulerSettings.defaults();

    @Test
    void createsTheBuiltInsByName() {
        assertThat(Schedulers.create("smp", SETTINGS)).isInstanceOf(DynamicScheduler.class);
        assertThat(Schedulers.create("dynamic", SETTINGS)).isInstanceOf(DynamicScheduler.class);
        assertThat(Schedulers.create("random", SETTINGS)).isInstanceOf(RandomScheduler.class);
        assertThat(Schedulers.create("cyclic", SETTINGS)).isInstanceOf(CyclicScheduler.class);
        assertThat(Schedulers.create("rotation", SETTINGS)).isInstanceOf(RotationScheduler.class);
        assertThat(Schedulers.create(" SMP ", SETTINGS).name()).isEqualTo("smp");
    }

    @Test
    void everyCallGivesAFreshScheduler() {
        assertThat(Schedulers.create("smp", SETTINGS)).isNotSameAs(Schedulers.create("smp", SETTINGS));
    }

    @Test
    void listsBuiltInsFirstThenPlugIns() {
        assertThat(Schedulers.names()).containsExactly("smp", "random", "cyclic", "rotation", "test-plugin");
    }

    @Test
    void findsPlugInsWithServiceLoader() {
        Scheduler s = Schedulers.create("test-plugin", SETTINGS);
        assertThat(s).isInstanceOf(PluginSchedulerFactory.PluginScheduler.class);
        assertThat(s.name()).isEqualTo("test-plugin");
        assertThat(Schedulers.create("plugin-alias", SETTINGS)).isInstanceOf(PluginSchedulerFactory.PluginScheduler.class);
    }

    @Test
    void aPlugInCannotReplaceABuiltIn() {
        assertThat(Schedulers.create("random", SETTINGS)).isExactlyInstanceOf(RandomScheduler.class);
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertThatThrownBy(() -> Schedulers.create("round-robin", SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("round-robin")
                .hasMessageContaining("smp").hasMessageContaining("dynamic").hasMessageContaining("random")
                .hasMessageContaining("cyclic").hasMessageContaining("test-plugin");
        assertThatThrownBy(() -> Schedulers.create(null, SETTINGS)).isInstanceOf(IllegalArgumentException.class);
    }
}
