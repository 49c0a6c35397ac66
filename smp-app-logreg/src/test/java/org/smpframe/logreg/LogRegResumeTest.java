package org.smpframe.logreg;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.smpframe.data.LabeledDataset;
import org.smpframe.linear.PathCheckpoint;
import org.smpframe.linear.PathCheckpoints;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * A logistic regression fit resumed from any of its checkpoints (within an outer Newton iteration, at the start
 * of a λ, after a stop) gives the uninterrupted fit's result bit for bit.
 */
class LogRegResumeTest {
    private static final LabeledDataset DATA = new LogisticDesign(200, 30, 0.2, 3, 0.5, 6, 11).generate();

    @TempDir
    Path dir;

    @AfterEach
    void clearStop() {
        StopRequest.clear();
    }

    private static LogRegConfig config(String layout, String scheduler, int depth) {
        return LogRegConfig.builder().layout(layout).path(3, 0.05).scheduler(scheduler).blockSize(4)
                .pipelineDepth(depth).evaluateEvery(7).tolerance(1e-8).relTolerance(0).seed(9).build();
    }

    private LogRegResult fit(LogRegConfig config, int workers, PathCheckpoint start, List<Path> saved,
                             LogRegListener listener) {
        PathCheckpoints checkpoints = new PathCheckpoints(21, 0, start, c -> {
            Path file = dir.resolve("ckpt-" + saved.size());
            CheckpointFile.write(file, LogRegTrainer.CHECKPOINT_KIND, "test", c::write, "");
            saved.add(file);
        });
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            return new LogRegTrainer(config).fit(DATA, null, runtime, listener, checkpoints);
        }
    }

    private static PathCheckpoint read(Path file) {
        return CheckpointFile.read(file, LogRegTrainer.CHECKPOINT_KIND, PathCheckpoint::read).state();
    }

    private static void assertSameResult(LogRegResult resumed, LogRegResult whole, String what) {
        assertThat(resumed.stages()).as(what).hasSameSizeAs(whole.stages());
        for (int s = 0; s < whole.stages().size(); s++) {
            LogRegStage a = resumed.stages().get(s);
            LogRegStage b = whole.stages().get(s);
            assertThat(a.model().weights()).as("%s, lambda %d", what, s).isEqualTo(b.model().weights());
            assertThat(a.model().bias()).as("%s, lambda %d", what, s).isEqualTo(b.model().bias());
            assertThat(a.objective()).as("%s, lambda %d", what, s).isEqualTo(b.objective());
            assertThat(a.summary().rounds()).as("%s, lambda %d", what, s).isEqualTo(b.summary().rounds());
            assertThat(a.summary().reason()).as("%s, lambda %d", what, s).isEqualTo(b.summary().reason());
        }
    }

    @ParameterizedTest(name = "{0} layout, {1}, {2} workers, depth {3}")
    @CsvSource({"rows,smp,1,0", "rows,smp,1,1", "rows,smp,2,1", "rows,random,2,2", "rows,cyclic,1,0",
            "features,smp,1,0", "features,smp,1,1", "features,smp,2,1", "features,random,2,2", "features,cyclic,1,0"})
    void resumingFromAnyCheckpointGivesTheUninterruptedResult(String layout, String scheduler, int workers,
                                                             int depth) {
        LogRegConfig config = config(layout, scheduler, depth);
        List<Path> saved = new ArrayList<>();
        LogRegResult whole = fit(config, workers, null, saved, LogRegListener.NONE);
        assertThat(whole.allConverged()).isTrue();
        List<PathCheckpoint> checkpoints = saved.stream().map(LogRegResumeTest::read).toList();
        assertThat(checkpoints).filteredOn(c -> c.snapshot().round() == 0).extracting(PathCheckpoint::stage)
                .containsExactly(1, 2);
        assertThat(checkpoints).allMatch(c -> c.snapshot().hasProgramState());
        int step = Math.max(1, checkpoints.size() / 6);
        for (int i = 0; i < checkpoints.size(); i++) {
            PathCheckpoint c = checkpoints.get(i);
            if (i % step != 0 && c.snapshot().round() != 0) {
                continue; // every lambda's start, and a sample of the rest
            }
            assertSameResult(fit(config, workers, c, new ArrayList<>(), LogRegListener.NONE), whole,
                    "resumed from checkpoint " + i + " (lambda " + c.stage() + ", round " + c.snapshot().round() + ")");
        }
    }

    @ParameterizedTest(name = "{0} layout")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"rows", "features"})
    void aStoppedFitSavesWhereItStoppedAndResumesFromThere(String layout) {
        LogRegConfig config = config(layout, "smp", 1);
        LogRegResult whole = fit(config, 2, null, new ArrayList<>(), LogRegListener.NONE);
        List<Path> saved = new ArrayList<>();
        int[] evaluations = {0};
        LogRegResult stopped = fit(config, 2, null, saved, new LogRegListener() {
            @Override
            public void onEvaluation(LogRegTracePoint p) {
                if (p.stage() == 2 && ++evaluations[0] == 2) {
                    StopRequest.request();
                }
            }
        });
        StopRequest.clear();
        assertThat(stopped.stages()).hasSize(3);
        PathCheckpoint last = read(saved.get(saved.size() - 1));
        assertThat(last.stage()).isEqualTo(2);
        if (layout.equals("rows")) {
            assertThat(last.snapshot().round()).isEqualTo(14); // evaluations every 7 rounds
        } else {
            assertThat(last.snapshot().round()).isPositive(); // and the scheduler's own
        }
        assertSameResult(fit(config, 2, last, new ArrayList<>(), LogRegListener.NONE), whole, "resumed after a stop");
    }
}
