package org.smpframe.bench.lda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smpframe.data.Corpus;

class MalletLdaTest {

    /** A tiny corpus drawn from 3 topics over 30 words (10 words each), 60 documents of 40 tokens. */
    private static final int DOCS = 60;
    private static final int LENGTH = 40;
    private static final int TOPICS = 3;
    private static final int WORDS = 30;
    private static final int[] DOC_PTR = new int[DOCS + 1];
    private static final int[] TOKENS = new int[DOCS * LENGTH];
    private static final String[] VOCABULARY = new String[WORDS];

    static {
        SplittableRandom rng = new SplittableRandom(42);
        for (int w = 0; w < WORDS; w++) {
            VOCABULARY[w] = "w" + w;
        }
        int k = 0;
        for (int d = 0; d < DOCS; d++) {
            int main = d % TOPICS;
            for (int i = 0; i < LENGTH; i++) {
                int topic = rng.nextInt(10) < 8 ? main : rng.nextInt(TOPICS);
                TOKENS[k++] = topic * (WORDS / TOPICS) + rng.nextInt(WORDS / TOPICS);
            }
            DOC_PTR[d + 1] = k;
        }
    }

    private static List<MalletPoint> run(int threads, long seed) {
        return MalletLda.run(DOC_PTR, TOKENS, VOCABULARY, TOPICS, 0.1, 0.01, threads, 50, 1, seed);
    }

    private static double[] logLikelihoods(List<MalletPoint> points) {
        return points.stream().mapToDouble(MalletPoint::logLikelihood).toArray();
    }

    @Test
    void logLikelihoodAfterFiftySweepsIsHigherThanAfterOne() {
        List<MalletPoint> points = run(1, 7);
        assertThat(points.get(49).logLikelihood()).isGreaterThan(points.get(0).logLikelihood());
    }

    @Test
    void pointsComeInSweepOrderWithGrowingTimeAndTheCorpusTokenCount() {
        List<MalletPoint> points = MalletLda.run(DOC_PTR, TOKENS, VOCABULARY, TOPICS, 0.1, 0.01, 1, 23, 5, 7);
        assertThat(points).extracting(MalletPoint::iteration).containsExactly(5, 10, 15, 20, 23);
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).seconds()).isGreaterThanOrEqualTo(points.get(i - 1).seconds());
        }
        assertThat(points).allSatisfy(p -> {
            assertThat(p.tokens()).isEqualTo(TOKENS.length);
            assertThat(p.seconds()).isPositive();
            assertThat(p.logLikelihood()).isNegative().isFinite();
        });
    }

    @Test
    void oneThreadRunsWithTheSameSeedAreIdentical() {
        assertThat(logLikelihoods(run(1, 7))).containsExactly(logLikelihoods(run(1, 7)));
    }

    @Test
    void differentSeedsGiveDifferentChains() {
        assertThat(logLikelihoods(run(1, 7))).isNotEqualTo(logLikelihoods(run(1, 8)));
    }

    @Test
    void twoThreadsRunWithoutCrashingAndAreRepeatableWithTheWorkerDriver() {
        List<MalletPoint> points = run(2, 7);
        assertThat(points).hasSize(50);
        assertThat(points.get(49).logLikelihood()).isGreaterThan(points.get(0).logLikelihood());
        // Each worker has its own seeded stream and document block, and the merge is sequential.
        assertThat(logLikelihoods(points)).containsExactly(logLikelihoods(run(2, 7)));
    }

    @Test
    void theEstimateDriverGivesTheSameKindOfPoints() {
        MalletLda.Result r = MalletLda.run(DOC_PTR, TOKENS, VOCABULARY, TOPICS, 0.1, 0.01, 1, 50, 10, 7,
                MalletLda.Driver.ESTIMATE);
        assertThat(r.points()).extracting(MalletPoint::iteration).containsExactly(10, 20, 30, 40, 50);
        assertThat(r.points().get(4).logLikelihood()).isGreaterThan(r.setup().initialLogLikelihood());
    }

    @Test
    void theMalletAlphabetMapsWordIdIToEntryIEvenForRepeatedWords() {
        var list = MalletLda.instances(new int[] {0, 3}, new int[] {2, 0, 1}, new String[] {"a", "b", "a"});
        assertThat(list.getDataAlphabet().size()).isEqualTo(3);
        assertThat(list.getDataAlphabet().lookupObject(0)).isEqualTo("a");
        var tokens = (cc.mallet.types.FeatureSequence) list.get(0).getData();
        assertThat(tokens.getFeatures()).startsWith(2, 0, 1);
        assertThat(tokens.getLength()).isEqualTo(3);
    }

    @Test
    void ldaCLinesExpandIntoTokens() throws IOException {
        Corpus c = MalletLda.readLdaC(new BufferedReader(new StringReader("2 0:2 2:1\n\n1 1:3\n0\n")),
                new BufferedReader(new StringReader("apple\nbanana\ncherry\n")), "test");
        assertThat(c.numDocs()).isEqualTo(3);
        assertThat(c.docPtr()).containsExactly(0, 3, 6, 6);
        assertThat(c.words()).containsExactly(0, 0, 2, 1, 1, 1);
        assertThat(c.vocabulary().id(2)).isEqualTo("cherry");
    }

    @Test
    void anLdaCWordIdOutsideTheVocabularyIsRejectedWithItsLine() {
        assertThatThrownBy(() -> MalletLda.readLdaC(new BufferedReader(new StringReader("1 0:1\n1 5:1\n")),
                new BufferedReader(new StringReader("a\nb\n")), "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2").hasMessageContaining("word id 5");
    }

    @Test
    void malletSeedsAreNeverMinusOne() {
        // Mallet reads -1 as "seed from the clock".
        for (int s = 0; s < 1000; s++) {
            assertThat(MalletLda.malletSeed(s, s % 3)).isNotEqualTo(-1);
        }
    }
}
