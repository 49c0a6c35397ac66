package org.smpframe.mf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smpframe.api.RoundListener;
import org.smpframe.api.RunSnapshot;
import org.smpframe.api.StateIo;
import org.smpframe.api.StopRequest;
import org.smpframe.api.TracePoint;
import org.smpframe.data.Ratings;
import org.smpframe.data.RatingsSplit;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * A matrix factorization resumed from any of its checkpoints gives the uninterrupted fit's factors bit for bit:
 * CCD++ on the rotation (residuals in the workers, item blocks travelling) and the Hogwild SGD baseline.
 */
class MfResumeTest {
    private static final RatingsSplit.Split DATA = RatingsSplit.random(
            LowRankRatings.generate(120, 90, 3, 0.3, 3.5, 0.2, 13), 0.1, 3);

    @AfterEach
    void clearStop() {
        StopRequest.clear();
    }

    private static MfConfig config(MfMethod method) {
        return MfConfig.builder().method(method).rank(3).lambda(0.05).biases(true).iterations(8).tolerance(0)
                .learningRate(0.05).decay(0.05).build();
    }

    /** Through the snapshot's binary form, as the checkpoint file holds it. */
    private static RunSnapshot copy(RunSnapshot s) {
        byte[] b = StateIo.toBytes(s::write);
        try {
            return RunSnapshot.read(new DataInputStream(new ByteArrayInputStream(b)), b.length);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static MfResult fit(MfConfig config, int workers, RunSnapshot start, List<RunSnapshot> saved,
                                RoundListener listener) {
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            return new MfTrainer(config).fit(DATA.train(), DATA.test(), runtime, listener,
                    new MfCheckpoints(2, 0, start, s -> saved.add(copy(s))));
        }
    }

    private static void assertSameModel(MfResult resumed, MfResult whole, String what) {
        Ratings train = DATA.train();
        for (int u = 0; u < train.numUsers(); u++) {
            for (int f = 0; f < 3; f++) {
                assertThat(resumed.model().userFactor(u, f)).as("%s: user %d", what, u)
                        .isEqualTo(whole.model().userFactor(u, f));
            }
        }
        for (int j = 0; j < train.numItems(); j++) {
            for (int f = 0; f < 3; f++) {
                assertThat(resumed.model().itemFactor(j, f)).as("%s: item %d", what, j)
                        .isEqualTo(whole.model().itemFactor(j, f));
            }
        }
        assertThat(resumed.summary().rounds()).as(what).isEqualTo(whole.summary().rounds());
        assertThat(resumed.summary().last().evaluation().objective()).as(what)
                .isEqualTo(whole.summary().last().evaluation().objective());
    }

    @ParameterizedTest(name = "{0}, {1} workers")
    @CsvSource({"ROTATION,1", "ROTATION,2", "ROTATION,3", "HOGWILD,1", "HOGWILD,2"})
    void resumingFromAnyCheckpointGivesTheUninterruptedModel(MfMethod method, int workers) {
        List<RunSnapshot> saved = new ArrayList<>();
        MfResult whole = fit(config(method), workers, null, saved, RoundListener.NONE);
        // Every 2 iterations, and at the end.
        assertThat(saved).hasSize(4 + 1);
        assertThat(saved).allMatch(RunSnapshot::hasProgramState);
        for (RunSnapshot s : saved) { // the last two are at the last round: resumed, nothing is left to run
            assertSameModel(fit(config(method), workers, s, new ArrayList<>(), RoundListener.NONE), whole,
                    "resumed at round " + s.round());
        }
    }

    @Test
    void aConvergedFitsCheckpointsResumeToTheSameModel() {
        MfConfig config = config(MfMethod.ROTATION).toBuilder().tolerance(1e-2).iterations(50).build();
        List<RunSnapshot> saved = new ArrayList<>();
        MfResult whole = fit(config, 2, null, saved, RoundListener.NONE);
        assertThat(whole.summary().reason()).isEqualTo(org.smpframe.api.RunSummary.StopReason.CONVERGED);
        // The end of a converged run is not saved: a checkpoint does not say that its run had ended.
        assertThat(saved).isNotEmpty().allMatch(s -> s.round() < whole.summary().rounds());
        for (RunSnapshot s : saved) {
            assertSameModel(fit(config, 2, s, new ArrayList<>(), RoundListener.NONE), whole,
                    "resumed at round " + s.round());
        }
    }

    @Test
    void aStoppedFitResumesFromWhereItStopped() {
        MfConfig config = config(MfMethod.ROTATION);
        MfResult whole = fit(config, 2, null, new ArrayList<>(), RoundListener.NONE);
        List<RunSnapshot> saved = new ArrayList<>();
        int[] evaluations = {0};
        fit(config, 2, null, saved, new RoundListener() {
            @Override
            public void onEvaluation(TracePoint point) {
                if (++evaluations[0] == 3) {
                    StopRequest.request();
                }
            }
        });
        StopRequest.clear();
        RunSnapshot last = saved.get(saved.size() - 1);
        assertThat(last.round()).isLessThan(whole.summary().rounds());
        assertSameModel(fit(config, 2, last, new ArrayList<>(), RoundListener.NONE), whole, "resumed after a stop");
    }
}
