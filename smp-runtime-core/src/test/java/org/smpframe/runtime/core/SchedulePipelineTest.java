package org.smpframe.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Schedule;
import org.smpframe.api.Scheduler;
import org.smpframe.api.SchedulerContext;

class SchedulePipelineTest {
    /** Records, for every schedule it makes, the last round whose changes it had observed. */
    static final class RecordingScheduler implements Scheduler {
        final List<Long> observedBefore = new ArrayList<>();
        long lastObserved = -1;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void init(SchedulerContext context) {
        }

        @Override
        public Schedule next(long round) {
            observedBefore.add(lastObserved);
            return Schedule.shared(round, new int[] {(int) round});
        }

        @Override
        public void observe(ChangeSet changes) {
            assertThat(changes.round()).isEqualTo(lastObserved + 1);
            lastObserved = changes.round();
        }
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {0, 1, 2, 5})
    void scheduleOfRoundTSeesExactlyTheChangesUpToTMinusOneMinusDepth(int depth) throws Exception {
        RecordingScheduler scheduler = new RecordingScheduler();
        ChangeSet changes = new ChangeSet();
        int rounds = 50;
        try (SchedulePipeline pipeline = SchedulePipeline.create(scheduler, depth)) {
            for (long t = 0; t < rounds; t++) {
                Schedule s = pipeline.take(t);
                assertThat(s.round()).isEqualTo(t);
                if (t % 7 == 0) {
                    Thread.sleep(1); // timing must not matter
                }
                changes.reset(t);
                changes.changed((int) t, 1.0);
                pipeline.feedback(changes);
            }
        }
        for (int t = 0; t < rounds; t++) {
            assertThat(scheduler.observedBefore.get(t)).as("round %d", t).isEqualTo(Math.max(-1L, t - 1L - depth));
        }
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {0, 1, 3})
    void aResumedPipelineContinuesTheRoundNumbering(int depth) {
        RecordingScheduler scheduler = new RecordingScheduler();
        scheduler.lastObserved = 9; // the changes of rounds 0 .. 9 were seen before the run that resumes at 10
        ChangeSet changes = new ChangeSet();
        try (SchedulePipeline pipeline = SchedulePipeline.create(scheduler, depth, 10)) {
            for (long t = 10; t < 30; t++) {
                assertThat(pipeline.take(t).round()).isEqualTo(t);
                changes.reset(t);
                pipeline.feedback(changes);
            }
        }
        for (int i = 0; i < 20; i++) {
            long t = 10 + i;
            assertThat(scheduler.observedBefore.get(i)).as("round %d", t).isEqualTo(Math.max(9L, t - 1 - depth));
        }
    }
}
