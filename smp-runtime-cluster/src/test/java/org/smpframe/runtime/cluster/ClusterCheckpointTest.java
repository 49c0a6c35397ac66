package org.smpframe.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.smpframe.api.RoundListener;
import org.smpframe.api.RunSnapshot;
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.Ratings;
import org.smpframe.lasso.CorrelatedDesign;
import org.smpframe.lasso.LassoConfig;
import org.smpframe.lasso.LassoListener;
import org.smpframe.lasso.LassoResult;
import org.smpframe.lasso.LassoTrainer;
import org.smpframe.linear.PathCheckpoint;
import org.smpframe.linear.PathCheckpoints;
import org.smpframe.logreg.LogRegConfig;
import org.smpframe.logreg.LogRegListener;
import org.smpframe.logreg.LogRegResult;
import org.smpframe.logreg.LogRegTrainer;
import org.smpframe.logreg.LogisticDesign;
import org.smpframe.mf.LowRankRatings;
import org.smpframe.mf.MfCheckpoints;
import org.smpframe.mf.MfConfig;
import org.smpframe.mf.MfMethod;
import org.smpframe.mf.MfResult;
import org.smpframe.mf.MfTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * Checkpoints on the cluster runtime (coordinator + 2 workers over TCP): a fit resumed on the cluster from a
 * checkpoint taken on the cluster gives the embedded runtime's uninterrupted result bit for bit; for logistic
 * regression and matrix factorization the workers' state (and the travelling item blocks) are in the snapshot, so
 * a checkpoint taken on one runtime resumes on the other.
 */
@Timeout(180)
class ClusterCheckpointTest {

    /** Through the binary form, as a checkpoint file holds it. */
    private static PathCheckpoint copy(PathCheckpoint c) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            c.write(new DataOutputStream(bytes));
            byte[] b = bytes.toByteArray();
            return PathCheckpoint.read(new DataInputStream(new ByteArrayInputStream(b)), b.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PathCheckpoints saveTo(List<PathCheckpoint> saved) {
        return saveTo(saved, 30);
    }

    private static PathCheckpoints saveTo(List<PathCheckpoint> saved, long everyRounds) {
        return new PathCheckpoints(everyRounds, 0, null, c -> saved.add(copy(c)));
    }

    private static PathCheckpoints resumeFrom(PathCheckpoint start) {
        return new PathCheckpoints(0, 0, start, null);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} layout")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"rows", "features"})
    void logisticRegressionResumesAcrossRuntimes(String layout) throws Exception {
        LabeledDataset data = new LogisticDesign(300, 40, 0.2, 4, 0.5, 8, 5).generate();
        // The feature layout needs a few rounds per λ only: checks and snapshots every 2 rounds fall inside one.
        LogRegConfig config = LogRegConfig.builder().layout(layout).path(3, 0.05).blockSize(6)
                .evaluateEvery(layout.equals("rows") ? 10 : 2).seed(4).tolerance(1e-6).build();
        LogRegTrainer trainer = new LogRegTrainer(config);
        LogRegResult embedded = trainer.fit(data, null, new EmbeddedRuntime(2), LogRegListener.NONE);
        List<PathCheckpoint> saved = new ArrayList<>();
        LogRegResult cluster = InProcessCluster.run(2, (job, w, n) -> trainer.program(data),
                rt -> trainer.fit(data, null, rt, LogRegListener.NONE, saveTo(saved, layout.equals("rows") ? 30 : 2)));
        assertThat(cluster.finalModel().weights()).containsExactly(embedded.finalModel().weights());
        assertThat(saved).hasSizeGreaterThan(3);
        PathCheckpoint middle = saved.get(saved.size() / 2);
        assertThat(middle.snapshot().hasProgramState()).isTrue();

        LogRegResult onCluster = InProcessCluster.run(2, (job, w, n) -> trainer.program(data),
                rt -> trainer.fit(data, null, rt, LogRegListener.NONE, resumeFrom(middle)));
        LogRegResult onEmbedded = trainer.fit(data, null, new EmbeddedRuntime(2), LogRegListener.NONE,
                resumeFrom(middle));
        for (LogRegResult resumed : List.of(onCluster, onEmbedded)) {
            assertThat(resumed.finalModel().weights()).containsExactly(embedded.finalModel().weights());
            assertThat(resumed.last().objective()).isEqualTo(embedded.last().objective());
            assertThat(resumed.last().summary().rounds()).isEqualTo(embedded.last().summary().rounds());
        }
    }

    @Test
    void lassoResumesOnTheClusterWithWorkersStartingFromTheCheckpoint() throws Exception {
        LabeledDataset data = new CorrelatedDesign(300, 100, 4, 0.5, 10, 0.1, 9).generate();
        LassoConfig config = LassoConfig.builder().path(3, 0.05).scheduler("smp").evaluateEvery(10).seed(2).build();
        LassoTrainer trainer = new LassoTrainer(config);
        LassoResult embedded = trainer.fit(data, new EmbeddedRuntime(2), LassoListener.NONE);
        List<PathCheckpoint> saved = new ArrayList<>();
        InProcessCluster.run(2, (job, w, n) -> trainer.program(data),
                rt -> trainer.fit(data, rt, LassoListener.NONE, saveTo(saved)));
        PathCheckpoint middle = saved.get(saved.size() / 2);
        // Each worker builds its program from the checkpoint, as `smp worker` does from --resume.
        LassoResult resumed = InProcessCluster.run(2, (job, w, n) -> trainer.program(data, middle),
                rt -> trainer.fit(data, rt, LassoListener.NONE, resumeFrom(middle)));
        assertThat(resumed.finalModel().coefficients()).containsExactly(embedded.finalModel().coefficients());
        assertThat(resumed.stages().get(2).summary().rounds()).isEqualTo(embedded.stages().get(2).summary().rounds());
    }

    @Test
    void rotationMatrixFactorizationResumesAcrossRuntimes() throws Exception {
        Ratings train = LowRankRatings.generate(150, 90, 3, 0.2, 3.5, 0.1, 23);
        MfConfig config = MfConfig.builder().rank(3).iterations(6).method(MfMethod.ROTATION).blocksPerWorker(2)
                .seed(8).build();
        MfTrainer trainer = new MfTrainer(config);
        MfResult embedded = trainer.fit(train, null, new EmbeddedRuntime(2), RoundListener.NONE);
        List<RunSnapshot> saved = new ArrayList<>();
        MfResult cluster = InProcessCluster.run(2, (job, w, n) -> trainer.program(train, null),
                rt -> trainer.fit(train, null, rt, RoundListener.NONE,
                        new MfCheckpoints(2, 0, null, snapshot -> saved.add(copy(snapshot)))));
        // Calling the blocks back for a checkpoint changes nothing.
        assertSameFactors(cluster, embedded);
        assertThat(saved).hasSize(3 + 1);
        RunSnapshot middle = saved.get(1);
        assertThat(middle.blockStates()).isNotEmpty();
        MfResult onCluster = InProcessCluster.run(2, (job, w, n) -> trainer.program(train, null),
                rt -> trainer.fit(train, null, rt, RoundListener.NONE, new MfCheckpoints(0, 0, middle, null)));
        MfResult onEmbedded = trainer.fit(train, null, new EmbeddedRuntime(2), RoundListener.NONE,
                new MfCheckpoints(0, 0, middle, null));
        assertSameFactors(onCluster, embedded);
        assertSameFactors(onEmbedded, embedded);
    }

    private static void assertSameFactors(MfResult actual, MfResult expected) {
        assertThat(actual.objective()).isEqualTo(expected.objective());
        for (int u = 0; u < expected.model().numUsers(); u++) {
            for (int f = 0; f < 3; f++) {
                assertThat(actual.model().userFactor(u, f)).isEqualTo(expected.model().userFactor(u, f));
            }
        }
        for (int j = 0; j < expected.model().numItems(); j++) {
            for (int f = 0; f < 3; f++) {
                assertThat(actual.model().itemFactor(j, f)).isEqualTo(expected.model().itemFactor(j, f));
            }
        }
    }

    private static RunSnapshot copy(RunSnapshot s) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            s.write(new DataOutputStream(bytes));
            byte[] b = bytes.toByteArray();
            return RunSnapshot.read(new DataInputStream(new ByteArrayInputStream(b)), b.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
