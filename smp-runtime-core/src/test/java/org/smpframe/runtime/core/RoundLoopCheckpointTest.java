package org.smpframe.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smpframe.api.ChangeSet;
import org.smpframe.api.Evaluation;
import org.smpframe.api.RoundListener;
import org.smpframe.api.RunOptions;
import org.smpframe.api.RunSnapshot;
import org.smpframe.api.Schedule;
import org.smpframe.api.Scheduler;
import org.smpframe.api.SchedulerContext;
import org.smpframe.api.SplitMix64;
import org.smpframe.api.StateIo;
import org.smpframe.api.TracePoint;

/**
 * A run resumed from a snapshot makes the same schedules as the uninterrupted run, whatever the pipeline depth and
 * lookahead: the snapshot holds the scheduler's state and the schedules computed ahead.
 */
class RoundLoopCheckpointTest {
    private static final int P = 50;

    /** A scheduler whose every choice depends on all it observed and drew before: any lost state shows. */
    static final class FeedbackScheduler implements Scheduler {
        private SplitMix64 random;
        private long observed;

        @Override
        public String name() {
            return "feedback";
        }

        @Override
        public void init(SchedulerContext context) {
            random = new SplitMix64(context.seed());
            observed = 0;
        }

        @Override
        public Schedule next(long round) {
            int a = (int) Math.floorMod(random.nextLong() ^ observed, (long) P);
            int b = (a + 1 + random.nextInt(P - 1)) % P;
            return Schedule.shared(round, new int[] {Math.min(a, b), Math.max(a, b)});
        }

        @Override
        public void observe(ChangeSet changes) {
            for (int i = 0; i < changes.size(); i++) {
                observed = observed * 31 + changes.param(i) + Double.doubleToLongBits(changes.magnitude(i));
            }
        }

        @Override
        public void saveState(DataOutput out) throws IOException {
            out.writeLong(random.state());
            out.writeLong(observed);
        }

        @Override
        public void restoreState(DataInput in) throws IOException {
            random = SplitMix64.resume(in.readLong());
            observed = in.readLong();
        }
    }

    /** Runs schedules on no workers: the changes are a function of the schedule, the evaluation counts rounds. */
    static final class RecordingRunner implements RoundLoop.Runner {
        final List<Schedule> ran = new ArrayList<>();

        @Override
        public void beginRun() {
        }

        @Override
        public void round(Schedule schedule, Schedule next, ChangeSet changes) {
            ran.add(schedule);
            for (int j : schedule.params()) {
                changes.changed(j, (j * 7 + schedule.round()) % 11 / 10.0);
            }
        }

        @Override
        public void afterRounds() {
        }

        @Override
        public void endRun() {
        }

        @Override
        public Evaluation evaluate() {
            return Evaluation.objective(ran.size()).build();
        }
    }

    private static final class Snapshots implements RoundListener {
        final List<RunSnapshot> taken = new ArrayList<>();

        @Override
        public void onEvaluation(TracePoint point) {
        }

        @Override
        public void onCheckpoint(RunSnapshot snapshot) {
            taken.add(copy(snapshot));
        }
    }

    /** Through its binary form, as a checkpoint file holds it. */
    private static RunSnapshot copy(RunSnapshot s) {
        byte[] b = StateIo.toBytes(s::write);
        try {
            return RunSnapshot.read(new DataInputStream(new ByteArrayInputStream(b)), b.length);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static RoundLoop.Outcome run(RunOptions options, RoundListener listener, boolean lookahead,
                                         RecordingRunner runner) {
        return RoundLoop.run(new FeedbackScheduler(), new SchedulerContext(P, 1, null, 42), options, listener,
                lookahead, runner);
    }

    @ParameterizedTest(name = "depth {0}, lookahead {1}")
    @CsvSource({"0,false", "0,true", "1,false", "1,true", "3,false", "3,true"})
    void aResumedRunMakesTheUninterruptedRunsSchedules(int depth, boolean lookahead) {
        RunOptions options = RunOptions.builder().maxRounds(120).pipelineDepth(depth).evaluateEvery(5)
                .checkpointEvery(20).build();
        Snapshots snapshots = new Snapshots();
        RecordingRunner whole = new RecordingRunner();
        RoundLoop.Outcome full = run(options, snapshots, lookahead, whole);
        // Every 20 rounds, and at the end.
        assertThat(snapshots.taken).extracting(RunSnapshot::round).containsExactly(20L, 40L, 60L, 80L, 100L, 120L,
                120L);
        for (RunSnapshot at : snapshots.taken.subList(0, 5)) {
            RecordingRunner rest = new RecordingRunner();
            RoundLoop.Outcome resumed = run(options.toBuilder().resumeFrom(at).build(), RoundListener.NONE, lookahead,
                    rest);
            assertThat(rest.ran).as("resumed at round %d", at.round())
                    .isEqualTo(whole.ran.subList((int) at.round(), whole.ran.size()));
            assertThat(resumed.rounds()).isEqualTo(full.rounds());
            assertThat(resumed.updates()).isEqualTo(full.updates());
        }
    }

    @ParameterizedTest(name = "depth {0}")
    @CsvSource({"0", "2"})
    void timedCheckpointsComeAfterEvaluationsAndResumeExactly(int depth) {
        // An interval shorter than a round: a snapshot after every evaluation, whatever the timing.
        RunOptions options = RunOptions.builder().maxRounds(60).pipelineDepth(depth).evaluateEvery(6)
                .checkpointSeconds(1e-9).build();
        Snapshots snapshots = new Snapshots();
        RecordingRunner whole = new RecordingRunner();
        run(options, snapshots, false, whole);
        assertThat(snapshots.taken).extracting(RunSnapshot::round).containsExactly(6L, 12L, 18L, 24L, 30L, 36L, 42L,
                48L, 54L, 60L, 60L);
        RecordingRunner rest = new RecordingRunner();
        run(options.toBuilder().checkpointSeconds(0).resumeFrom(snapshots.taken.get(4)).build(), RoundListener.NONE,
                false, rest);
        assertThat(rest.ran).isEqualTo(whole.ran.subList(30, 60));
    }

    @ParameterizedTest(name = "depth {0}")
    @CsvSource({"0", "1", "2"})
    void aRunStoppedAtItsLimitCanBeExtended(int depth) {
        RunOptions options = RunOptions.builder().maxRounds(90).pipelineDepth(depth).evaluateEvery(10).build();
        RecordingRunner whole = new RecordingRunner();
        run(options, RoundListener.NONE, false, whole);
        Snapshots first = new Snapshots();
        run(options.toBuilder().maxRounds(30).checkpointSeconds(3600).build(), first, false, new RecordingRunner());
        RunSnapshot end = first.taken.get(first.taken.size() - 1);
        assertThat(end.round()).isEqualTo(30);
        RecordingRunner rest = new RecordingRunner();
        run(options.toBuilder().resumeFrom(end).build(), RoundListener.NONE, false, rest);
        assertThat(rest.ran).isEqualTo(whole.ran.subList(30, 90));
    }

    @ParameterizedTest(name = "taken at depth {0}, resumed at depth {1}")
    @CsvSource({"0,1", "1,0", "1,2"})
    void aSnapshotOfAnotherPipelineDepthIsRefused(int taken, int resumed) {
        Snapshots snapshots = new Snapshots();
        run(RunOptions.builder().maxRounds(20).pipelineDepth(taken).evaluateEvery(10).checkpointEvery(10).build(),
                snapshots, false, new RecordingRunner());
        RunOptions options = RunOptions.builder().maxRounds(40).pipelineDepth(resumed).evaluateEvery(10)
                .resumeFrom(snapshots.taken.get(0)).build();
        assertThatThrownBy(() -> run(options, RoundListener.NONE, false, new RecordingRunner()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another pipeline depth");
    }
}
