package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smpframe.cli.CliOutcome.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpframe.data.Corpus;
import org.smpframe.lda.LdaModel;
import org.smpframe.lda.SyntheticCorpus;

/** {@code smp lda} and {@code smp lda infer}, as a user meets them. */
class LdaCommandTest {
    @TempDir
    Path dir;

    /** A synthetic corpus in LDA-C form (N id:count ...) with its vocabulary file. */
    private Path[] ldaC() throws IOException {
        Corpus c = SyntheticCorpus.generate(4, 60, 120, 40, 0.1, 2).corpus();
        List<String> lines = new ArrayList<>();
        for (int d = 0; d < c.numDocs(); d++) {
            int[] counts = new int[c.vocabularySize()];
            for (int i = c.docPtr()[d]; i < c.docPtr()[d + 1]; i++) {
                counts[c.words()[i]]++;
            }
            StringBuilder b = new StringBuilder();
            int n = 0;
            for (int w = 0; w < counts.length; w++) {
                if (counts[w] > 0) {
                    b.append(' ').append(w).append(':').append(counts[w]);
                    n++;
                }
            }
            lines.add(n + b.toString());
        }
        Path data = dir.resolve("corpus.dat");
        Files.write(data, lines);
        List<String> words = new ArrayList<>();
        for (int w = 0; w < c.vocabularySize(); w++) {
            words.add(c.vocabulary().id(w));
        }
        Path vocab = dir.resolve("vocab.txt");
        Files.write(vocab, words);
        return new Path[] {data, vocab};
    }

    @Test
    void trainsSavesAndInfers() throws IOException {
        Path[] corpus = ldaC();
        Path out = dir.resolve("run");
        CliOutcome o = run("lda", "--corpus", corpus[0].toString(), "--vocab", corpus[1].toString(), "--topics", "4",
                "--alpha", "0.1", "--iterations", "30", "--eval-every", "5", "--workers", "2", "--test-fraction", "0.2",
                "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("method          rotation, 4 topics").contains("test perplexity")
                .contains("topic 3");
        List<String> trace = Files.readAllLines(out.resolve("trace.csv"));
        assertThat(trace.get(0)).isEqualTo(LdaRun.TRACE_HEADER);
        assertThat(trace).hasSize(7);
        LdaModel model = LdaModel.load(out.resolve("model"));
        assertThat(model.numTopics()).isEqualTo(4);
        assertThat(Files.readAllLines(out.resolve("model").resolve(LdaModel.TOP_WORDS_FILE))).hasSize(4);
        assertThat(Files.readAllLines(out.resolve("model").resolve(LdaModel.DOC_TOPICS_FILE))).hasSize(96);

        // New documents as plain text: words of the model, one unknown word.
        Path text = dir.resolve("new.txt");
        Files.writeString(text, "w1 w2 w3 w4 w5 w6 zzz\nw40 w41 w42 w43 w44\n");
        Path proportions = dir.resolve("theta.tsv");
        CliOutcome infer = run("lda", "infer", "--model", out.toString(), "--corpus", text.toString(), "--out",
                proportions.toString());
        assertThat(infer.exitCode()).as(infer.err()).isZero();
        assertThat(infer.out()).contains("documents 2").contains("unknown words dropped 1");
        List<String> theta = Files.readAllLines(proportions);
        assertThat(theta).hasSize(2);
        assertThat(theta.get(0)).startsWith("0\t");
    }

    @Test
    void aTimeLimitStopReportsTheSavedState() throws IOException {
        Path[] corpus = ldaC();
        Path out = dir.resolve("short");
        CliOutcome o = run("lda", "--corpus", corpus[0].toString(), "--vocab", corpus[1].toString(), "--topics", "4",
                "--iterations", "1000", "--time-limit", "1e-9", "--workers", "2", "--quiet", "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("stopped by --time-limit").contains("of the saved state")
                .doesNotContain("NaN");
        LdaModel model = LdaModel.load(out.resolve("model"));
        assertThat(model.info()).containsEntry("stopped_by", "time_limit");
    }

    @Test
    void dataParallelBaselineRunsFromTheSameCommand() throws IOException {
        Path[] corpus = ldaC();
        CliOutcome o = run("lda", "--corpus", corpus[0].toString(), "--vocab", corpus[1].toString(), "--topics", "4",
                "--iterations", "5", "--scheduler", "data-parallel", "--workers", "2", "--quiet", "--out",
                dir.resolve("dp").toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("method          data-parallel");
    }

    @Test
    void malformedCorpusNamesFileAndLineAndWritesNothing() throws IOException {
        Path data = dir.resolve("bad.dat");
        Files.write(data, List.of("2 0:1 1:2", "3 0:1 1:x 2:1"));
        Path out = dir.resolve("never");
        CliOutcome o = run("lda", "--corpus", data.toString(), "--format", "ldac", "--topics", "3", "--out",
                out.toString());
        assertThat(o.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(o.err()).contains(data + ":2:").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }
}
