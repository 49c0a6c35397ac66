package org.smpframe.lda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpframe.api.RoundListener;
import org.smpframe.data.Corpus;
import org.smpframe.data.InputException;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * A fit resumed from a checkpoint ends exactly where the uninterrupted fit ends (the same topic for every token,
 * so the same counts and log-likelihood), for both methods; checkpointing itself changes nothing; damaged and
 * mismatched checkpoints are refused.
 */
class LdaCheckpointTest {
    private static final Corpus CORPUS = SyntheticCorpus.generate(6, 150, 120, 50, 0.2, 8).corpus();

    @TempDir
    Path dir;

    private static LdaConfig config(LdaMethod method) {
        return LdaConfig.builder().topics(6).iterations(12).evaluateEvery(2).seed(4).method(method).build();
    }

    @Test
    void aResumedRotationFitEqualsTheUninterruptedOne() {
        resumedFitEqualsTheUninterruptedOne(LdaMethod.ROTATION, 2);
    }

    @Test
    void aResumedDataParallelFitEqualsTheUninterruptedOne() {
        resumedFitEqualsTheUninterruptedOne(LdaMethod.DATA_PARALLEL, 3);
    }

    private void resumedFitEqualsTheUninterruptedOne(LdaMethod method, int workers) {
        LdaConfig config = config(method);
        LdaResult plain = fit(config, workers, LdaCheckpoints.NONE);
        List<LdaCheckpoint> saved = new ArrayList<>();
        LdaResult checkpointed = fit(config, workers, new LdaCheckpoints(4, 0, null, saved::add));
        assertThat(saved).extracting(LdaCheckpoint::round).hasSize(3);
        assertSameModel(checkpointed, plain);

        LdaCheckpoint middle = saved.get(0);
        LdaResult resumed = fit(config, workers, new LdaCheckpoints(4, 0, middle, c -> { }));
        assertSameModel(resumed, plain);
        assertThat(resumed.iterations()).isEqualTo(12);
    }

    @Test
    void timedCheckpointsComeAtIterationEndsAndChangeNothing() {
        LdaConfig config = config(LdaMethod.ROTATION);
        LdaResult plain = fit(config, 2, LdaCheckpoints.NONE);
        List<LdaCheckpoint> saved = new ArrayList<>();
        // An interval shorter than any iteration: a checkpoint after every one.
        LdaResult timed = fit(config, 2, new LdaCheckpoints(0, 1e-9, null, saved::add));
        assertSameModel(timed, plain);
        assertThat(timed.iterations()).isEqualTo(12);
        assertThat(saved).extracting(c -> c.round() % 2).containsOnly(0L);
        assertThat(saved).hasSizeGreaterThanOrEqualTo(12);
        assertSameModel(fit(config, 2, new LdaCheckpoints(0, 1e-9, saved.get(5), c -> { })), plain);
    }

    @Test
    void aRunStoppedMidIterationStopsAtTheIterationsEndAndResumesExactly() {
        LdaConfig config = config(LdaMethod.ROTATION);
        LdaResult plain = fit(config, 3, LdaCheckpoints.NONE);
        List<LdaCheckpoint> saved = new ArrayList<>();
        // A time limit that runs out after the first sub-round: the stop waits for the iteration to end.
        LdaResult stopped = fit(config.toBuilder().timeLimitSeconds(1e-9).build(), 3,
                new LdaCheckpoints(4, 0, null, saved::add));
        assertThat(stopped.summary().reason()).isEqualTo(org.smpframe.api.RunSummary.StopReason.TIME_LIMIT);
        LdaCheckpoint at = saved.get(saved.size() - 1);
        assertThat(at.round() % 3).as("stopped at an iteration boundary").isZero();
        assertSameModel(fit(config, 3, new LdaCheckpoints(4, 0, at, c -> { })), plain);
    }

    @Test
    void checkpointFilesRoundTripAndDamageIsRefused() throws Exception {
        List<LdaCheckpoint> saved = new ArrayList<>();
        fit(config(LdaMethod.ROTATION), 2, new LdaCheckpoints(6, 0, null, saved::add));
        LdaCheckpoint c = saved.get(0);
        Path file = dir.resolve("ckpt/lda.ckpt");
        String key = LdaCheckpoint.compatibility(CORPUS, config(LdaMethod.ROTATION), 2);
        c.write(file, key, "trace lines");
        LdaCheckpoint.Saved back = LdaCheckpoint.read(file);
        assertThat(back.compatibility()).isEqualTo(key);
        assertThat(back.extra()).isEqualTo("trace lines");
        assertThat(back.checkpoint().round()).isEqualTo(c.round());
        assertThat(back.checkpoint().topics()).containsExactly(c.topics());
        assertThat(back.checkpoint().samplerStates()).containsExactly(c.samplerStates());

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        assertThatThrownBy(() -> LdaCheckpoint.read(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("damaged");
        Files.write(file, java.util.Arrays.copyOf(bytes, 20));
        assertThatThrownBy(() -> LdaCheckpoint.read(file)).isInstanceOf(InputException.class);
        assertThat(LdaCheckpoint.compatibility(CORPUS, config(LdaMethod.ROTATION), 3)).isNotEqualTo(key);
    }

    /**
     * The key's text is what earlier versions wrote (a CRC-32C of the document boundaries and word ids as
     * big-endian ints, computed here independently), so their checkpoints still resume.
     */
    @Test
    void theCompatibilityKeyKeepsItsFormat() {
        CRC32C crc = new CRC32C();
        for (int[] a : new int[][] {CORPUS.docPtr(), CORPUS.words()}) {
            for (int v : a) {
                crc.update(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
            }
        }
        LdaConfig c = config(LdaMethod.ROTATION);
        assertThat(LdaCheckpoint.compatibility(CORPUS, c, 2)).isEqualTo(String.format(Locale.ROOT,
                "corpus %d docs %d tokens %d words crc %08x; method %s topics %d alpha %s beta %s blocks-per-worker %d"
                        + " seed %d workers %d", CORPUS.numDocs(), CORPUS.numTokens(), CORPUS.vocabularySize(),
                crc.getValue(), c.method().cliName(), c.topics(), c.alpha(), c.beta(), c.blocksPerWorker(),
                c.seed(), 2));
    }

    @Test
    void aCheckpointResumesOnlyWithItsWorkerCount() {
        List<LdaCheckpoint> saved = new ArrayList<>();
        fit(config(LdaMethod.ROTATION), 2, new LdaCheckpoints(6, 0, null, saved::add));
        assertThatThrownBy(() -> fit(config(LdaMethod.ROTATION), 3, new LdaCheckpoints(6, 0, saved.get(0), c -> { })))
                .hasMessageContaining("resume it with as many");
    }

    private static LdaResult fit(LdaConfig config, int workers, LdaCheckpoints checkpoints) {
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            return new LdaTrainer(config).fit(CORPUS, null, runtime, RoundListener.NONE, checkpoints);
        }
    }

    private static void assertSameModel(LdaResult actual, LdaResult expected) {
        assertThat(actual.logLikelihood()).isEqualTo(expected.logLikelihood());
        for (int w = 0; w < CORPUS.vocabularySize(); w++) {
            for (int k = 0; k < 6; k++) {
                assertThat(actual.model().count(w, k)).as("n(w=%d, k=%d)", w, k).isEqualTo(expected.model().count(w, k));
            }
        }
        for (int d = 0; d < CORPUS.numDocs(); d++) {
            assertThat(actual.model().docTopicCounts(d)).containsExactly(expected.model().docTopicCounts(d));
        }
    }
}
