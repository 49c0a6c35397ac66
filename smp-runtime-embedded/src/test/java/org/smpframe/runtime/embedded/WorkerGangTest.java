package org.smpframe.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerGangTest {
    @Test
    void everyWorkerRunsEachTaskExactlyOnce() {
        try (WorkerGang gang = new WorkerGang(4, "test-")) {
            AtomicIntegerArray counts = new AtomicIntegerArray(4);
            for (int round = 0; round < 10_000; round++) {
                gang.runAll(counts::incrementAndGet);
            }
            for (int p = 0; p < 4; p++) {
                assertThat(counts.get(p)).isEqualTo(10_000);
            }
        }
    }

    @Test
    void aWorkerAlwaysRunsOnTheSameThread() {
        try (WorkerGang gang = new WorkerGang(3, "test-")) {
            Thread[] seen = new Thread[3];
            gang.runAll(p -> seen[p] = Thread.currentThread());
            for (int round = 0; round < 100; round++) {
                gang.runAll(p -> assertThat(Thread.currentThread()).isSameAs(seen[p]));
            }
        }
    }

    @Test
    void aFailingWorkerFailsTheRoundAndTheGangStaysUsable() {
        try (WorkerGang gang = new WorkerGang(3, "test-")) {
            assertThatThrownBy(() -> gang.runAll(p -> {
                if (p == 2) {
                    throw new IllegalStateException("boom in worker 2");
                }
            })).hasMessageContaining("boom in worker 2");
            AtomicIntegerArray counts = new AtomicIntegerArray(3);
            gang.runAll(counts::incrementAndGet);
            assertThat(counts.get(2)).isEqualTo(1);
        }
    }
}
