package org.smpframe.lasso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smpframe.api.StopRequest;
import org.smpframe.data.CheckpointFile;
import org.smpframe.data.InputException;
import org.smpframe.data.LabeledDataset;
import org.smpframe.linear.PathCheckpoint;
import org.smpframe.linear.PathCheckpoints;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * A Lasso fit resumed from any of its checkpoints (mid-λ, between two λs, after a stop) gives the uninterrupted
 * fit's result bit for bit: every λ's coefficients, objective and round count.
 */
class LassoResumeTest {
    private static final LabeledDataset DATA = LassoTestData.correlated(80, 120, 0.5, 3);
    /** Harder for the feature layout, which solves DATA's λs in a round or two: strongly correlated blocks. */
    private static final LabeledDataset CORRELATED = LassoTestData.correlated(60, 300, 0.95, 4);

    @TempDir
    Path dir;

    @AfterEach
    void clearStop() {
        StopRequest.clear();
    }

    private static LassoConfig config(String scheduler, int depth) {
        return config(scheduler, depth, false, "rows");
    }

    private static LassoConfig config(String scheduler, int depth, boolean covariance, String layout) {
        // Rows: 8 coordinates a round; features: every worker's whole share (a sweep) a round, as by default.
        // The feature layout at a tighter tolerance, so that its λs take several checks (and have checkpoints).
        return LassoConfig.builder().path(3, 0.05).scheduler(scheduler)
                .blockSize(layout.equals("rows") ? 8 : Integer.MAX_VALUE).pipelineDepth(depth)
                .evaluateEvery(layout.equals("rows") ? 10 : 2).tolerance(layout.equals("rows") ? 1e-9 : 1e-13).seed(5)
                .covarianceUpdates(covariance).layout(layout).build();
    }

    /** Fits, writing every checkpoint to its own file (through the file format) and returning the files. */
    private LassoResult fit(LassoConfig config, int workers, PathCheckpoint start, List<Path> saved,
                            LassoListener listener) {
        // The feature layout needs far fewer rounds: checkpoint it more often, so that every λ has some.
        long every = config.layout().equals("features") ? 2 : 40;
        PathCheckpoints checkpoints = new PathCheckpoints(every, 0, start, c -> {
            Path file = dir.resolve("ckpt-" + saved.size());
            CheckpointFile.write(file, LassoTrainer.CHECKPOINT_KIND, "test", c::write, "");
            saved.add(file);
        });
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            return new LassoTrainer(config).fit(config.layout().equals("features") ? CORRELATED : DATA, runtime,
                    listener, checkpoints);
        }
    }

    private static PathCheckpoint read(Path file) {
        return CheckpointFile.read(file, LassoTrainer.CHECKPOINT_KIND, PathCheckpoint::read).state();
    }

    private static void assertSameResult(LassoResult resumed, LassoResult whole, String what) {
        assertThat(resumed.stages()).as(what).hasSameSizeAs(whole.stages());
        for (int s = 0; s < whole.stages().size(); s++) {
            LassoStage a = resumed.stages().get(s);
            LassoStage b = whole.stages().get(s);
            assertThat(a.model().coefficients()).as("%s, lambda %d", what, s).isEqualTo(b.model().coefficients());
            assertThat(a.model().intercept()).as("%s, lambda %d", what, s).isEqualTo(b.model().intercept());
            assertThat(a.objective()).as("%s, lambda %d", what, s).isEqualTo(b.objective());
            assertThat(a.summary().rounds()).as("%s, lambda %d", what, s).isEqualTo(b.summary().rounds());
            assertThat(a.summary().updates()).as("%s, lambda %d", what, s).isEqualTo(b.summary().updates());
            assertThat(a.summary().reason()).as("%s, lambda %d", what, s).isEqualTo(b.summary().reason());
        }
    }

    @ParameterizedTest(name = "{0}, {1} workers, depth {2}, covariance updates {3}, layout {4}")
    @CsvSource({"smp,1,0,false,rows", "smp,1,1,false,rows", "smp,2,1,false,rows", "smp,2,2,false,rows",
            "random,2,1,false,rows", "cyclic,1,0,false,rows", "smp,2,1,true,rows", "cyclic,1,0,true,rows",
            "smp,1,0,false,features", "smp,2,0,false,features", "smp,2,1,false,features", "smp,3,2,false,features",
            "random,2,0,false,features", "cyclic,1,1,false,features"})
    void resumingFromAnyCheckpointGivesTheUninterruptedResult(String scheduler, int workers, int depth,
                                                             boolean covariance, String layout) {
        LassoConfig config = config(scheduler, depth, covariance, layout);
        List<Path> saved = new ArrayList<>();
        LassoResult whole = fit(config, workers, null, saved, LassoListener.NONE);
        assertThat(whole.allConverged()).isTrue();
        List<PathCheckpoint> checkpoints = saved.stream().map(LassoResumeTest::read).toList();
        // Checkpoints at the start of every lambda after the first, and within the runs of those below lambda_max
        // (which converges at once).
        assertThat(checkpoints).filteredOn(c -> c.snapshot().round() == 0).extracting(PathCheckpoint::stage)
                .containsExactly(1, 2);
        if (layout.equals("rows")) {
            assertThat(checkpoints).anyMatch(c -> c.stage() == 1 && c.snapshot().round() > 0);
            assertThat(checkpoints).anyMatch(c -> c.stage() == 2 && c.snapshot().round() > 0);
        } else {
            assertThat(checkpoints).anyMatch(c -> c.stage() == 2 && c.snapshot().round() > 0);
        }
        int step = Math.max(1, checkpoints.size() / 6);
        for (int i = 0; i < checkpoints.size(); i++) {
            PathCheckpoint c = checkpoints.get(i);
            if (i % step != 0 && c.snapshot().round() != 0) {
                continue; // every lambda's start, and a sample of the rest
            }
            LassoResult resumed = fit(config, workers, c, new ArrayList<>(), LassoListener.NONE);
            assertSameResult(resumed, whole, "resumed from checkpoint " + i + " (lambda " + c.stage() + ", round "
                    + c.snapshot().round() + ")");
        }
    }

    @Test
    void aStoppedFitSavesWhereItStoppedAndResumesFromThere() {
        LassoConfig config = config("smp", 1);
        LassoResult whole = fit(config, 2, null, new ArrayList<>(), LassoListener.NONE);
        List<Path> saved = new ArrayList<>();
        int[] evaluations = {0};
        LassoResult stopped = fit(config, 2, null, saved, new LassoListener() {
            @Override
            public void onEvaluation(LassoTracePoint p) {
                if (p.stage() == 1 && ++evaluations[0] == 3) {
                    StopRequest.request();
                }
            }
        });
        StopRequest.clear();
        assertThat(stopped.stages()).hasSize(2);
        PathCheckpoint last = read(saved.get(saved.size() - 1));
        assertThat(last.stage()).isEqualTo(1);
        assertThat(last.snapshot().round()).isEqualTo(30); // the stop waits for an evaluation round
        assertSameResult(fit(config, 2, last, new ArrayList<>(), LassoListener.NONE), whole, "resumed after a stop");
    }

    @Test
    void aStoppedFeatureLayoutFitResumesFromWhereItStopped() {
        LassoConfig config = config("smp", 0, false, "features");
        LassoResult whole = fit(config, 2, null, new ArrayList<>(), LassoListener.NONE);
        List<Path> saved = new ArrayList<>();
        int[] evaluations = {0};
        LassoResult stopped = fit(config, 2, null, saved, new LassoListener() {
            @Override
            public void onEvaluation(LassoTracePoint p) {
                if (p.stage() == 1 && ++evaluations[0] == 1) {
                    StopRequest.request();
                }
            }
        });
        StopRequest.clear();
        assertThat(stopped.stages()).hasSize(2);
        PathCheckpoint last = read(saved.get(saved.size() - 1));
        assertThat(last.stage()).isEqualTo(1);
        assertThat(last.snapshot().round()).isPositive();
        assertSameResult(fit(config, 2, last, new ArrayList<>(), LassoListener.NONE), whole, "resumed after a stop");
    }

    @Test
    void aDamagedCheckpointIsRefusedWithTheFileAndReason() throws IOException {
        List<Path> saved = new ArrayList<>();
        fit(config("smp", 1), 1, null, saved, LassoListener.NONE);
        Path file = saved.get(1);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("damaged");
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(saved.get(2)), 100));
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class).hasMessageContaining("damaged");
    }
}
