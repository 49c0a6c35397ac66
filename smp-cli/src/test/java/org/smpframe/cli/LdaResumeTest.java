package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smpframe.cli.CliOutcome.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.smpframe.lda.LdaCheckpoint;

/**
 * {@code smp lda --checkpoint-every N} and {@code --resume DIR}: a run stopped (or killed with SIGKILL) and
 * resumed writes the model the uninterrupted run writes, bit for bit; a checkpoint of another run or a damaged one
 * is refused with exit code 2.
 */
@Timeout(180)
class LdaResumeTest {
    @TempDir
    Path dir;

    private static List<String> lda(int iterations, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("lda", "--corpus", "../data/synthetic-lda.dat", "--vocab",
                "../data/synthetic-lda.vocab", "--topics", "8", "--iterations", Integer.toString(iterations),
                "--eval-every", "5", "--checkpoint-every", "5", "--workers", "2", "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static CliOutcome smp(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    @Test
    void aResumedRunWritesTheUninterruptedRunsModel() throws Exception {
        Path reference = dir.resolve("reference");
        Path resumed = dir.resolve("resumed");
        assertThat(smp(lda(20, reference)).exitCode()).isZero();
        assertThat(smp(lda(10, resumed)).exitCode()).isZero();
        assertThat(Files.exists(resumed.resolve("checkpoint/lda.ckpt"))).isTrue();
        CliOutcome o = smp(lda(20, resumed, "--resume", resumed.toString()));
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertSameModel(resumed, reference);
        List<String> trace = Files.readAllLines(resumed.resolve("trace.csv"));
        assertThat(trace).hasSize(1 + 4); // iterations 5, 10 before the stop and 15, 20 after
        assertThat(trace.get(4).split(",")[2]).isEqualTo("20");
    }

    @Test
    void aCheckpointOfAnotherRunOrADamagedOneIsRefused() throws Exception {
        Path first = dir.resolve("first");
        assertThat(smp(lda(5, first)).exitCode()).isZero();
        CliOutcome other = smp(lda(10, dir.resolve("x"), "--resume", first.toString(), "--seed", "9"));
        assertThat(other.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(other.err()).contains("belongs to another run");
        Path file = first.resolve("checkpoint/lda.ckpt");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 1;
        Files.write(file, bytes);
        CliOutcome damaged = smp(lda(10, dir.resolve("y"), "--resume", first.toString()));
        assertThat(damaged.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(damaged.err()).contains("damaged");
        assertThat(Files.exists(dir.resolve("y"))).isFalse();
    }

    @Test
    void aRunKilledWithSigkillResumesFromItsLastCheckpoint() throws Exception {
        Path killed = dir.resolve("killed");
        Path file = killed.resolve("checkpoint/lda.ckpt");
        KilledRun.killWhen(lda(1_000_000, killed), dir.resolve("killed-stderr.txt"),
                () -> Files.exists(file) && LdaCheckpoint.read(file).checkpoint().round() >= 40);
        // Whatever moment the kill hit, the checkpoint on disk is a complete one.
        long round = LdaCheckpoint.read(file).checkpoint().round();
        int iterations = (int) (round / 2) + 10;
        Path reference = dir.resolve("reference");
        assertThat(smp(lda(iterations, reference)).exitCode()).isZero();
        CliOutcome o = smp(lda(iterations, killed, "--resume", killed.toString()));
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertSameModel(killed, reference);
        try (var left = Files.list(killed.resolve("checkpoint"))) {
            assertThat(left.map(f -> f.getFileName().toString())).as("no temporary file left").containsExactly("lda.ckpt");
        }
    }

    private static void assertSameModel(Path actual, Path expected) throws Exception {
        for (String f : List.of("word_topic_counts.tsv", "doc_topics.tsv")) {
            assertThat(Files.readString(actual.resolve("model").resolve(f)))
                    .as(f).isEqualTo(Files.readString(expected.resolve("model").resolve(f)));
        }
    }
}
