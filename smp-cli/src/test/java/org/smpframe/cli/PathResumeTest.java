package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smpframe.cli.CliOutcome.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smpframe.data.CheckpointFile;
import org.smpframe.data.LibSvmWriter;
import org.smpframe.lasso.CorrelatedDesign;
import org.smpframe.linear.PathCheckpoint;
import org.smpframe.logreg.LogisticDesign;

/**
 * {@code --checkpoint-every} and {@code --resume} of {@code smp lasso} and {@code smp logreg}: a fit killed with
 * SIGKILL at an arbitrary moment and resumed writes the uninterrupted fit's model, bit for bit; a checkpoint of
 * another run or a damaged one is refused with exit code 2 and nothing written.
 */
@Timeout(240)
class PathResumeTest {
    @TempDir
    static Path data;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeData() throws Exception {
        // Problems that take a while: a p >> n Lasso at a small lambda, a logistic regression with a tolerance it
        // cannot reach (tolerance 0), so the kill always hits a running fit.
        LibSvmWriter.write(new CorrelatedDesign(100, 1500, 10, 0.9, 20, 0.5, 3).generate(), data.resolve("lasso.svm"));
        LibSvmWriter.write(new LogisticDesign(400, 300, 0.1, 5, 0.6, 20, 4).generate(), data.resolve("logreg.svm"));
    }

    private static List<String> fit(String app, Path out, long maxRounds, String... more) {
        // The rows layout: thousands of small rounds, so the kill hits a fit well past its checkpoints (the
        // feature layout, whose fits here end in a few rounds, resumes in LassoResumeTest and LogRegResumeTest).
        List<String> args = new ArrayList<>(List.of(app, "--train", data.resolve(app + ".svm").toString(),
                "--lambda", app.equals("lasso") ? "0.01" : "0.001", "--tolerance", "0", "--eval-every", "20",
                "--checkpoint-every", "100", "--workers", "2", "--max-rounds", Long.toString(maxRounds), "--quiet",
                "--layout", "rows", "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static CliOutcome smp(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    private static long checkpointRound(Path file, String app) {
        return CheckpointFile.read(file, app, PathCheckpoint::read).state().snapshot().round();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lasso", "logreg"})
    void aFitKilledWithSigkillResumesFromItsLastCheckpoint(String app) throws Exception {
        Path killed = dir.resolve("killed");
        Path file = CheckpointOptions.file(killed, app);
        KilledRun.killWhen(fit(app, killed, 1_000_000_000L), dir.resolve("killed-stderr.txt"),
                () -> Files.exists(file) && checkpointRound(file, app) >= 1000);
        // Whatever moment the kill hit, the checkpoint on disk is a complete one.
        long rounds = checkpointRound(file, app) + 500;
        Path reference = dir.resolve("reference");
        CliOutcome whole = smp(fit(app, reference, rounds));
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        CliOutcome resumed = smp(fit(app, killed, rounds, "--resume", killed.toString()));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Files.readString(killed.resolve("model.txt"))).isEqualTo(Files.readString(reference.resolve("model.txt")));
        // stage, lambda, nnz, objective, gap/subgradient, converged, rounds: all equal (the seconds differ)
        assertThat(column(killed.resolve("path.csv"), 3, 6)).isEqualTo(column(reference.resolve("path.csv"), 3, 6));
        // The trace goes on where the checkpoint was taken: the same rounds and objectives as the whole run.
        assertThat(column(killed.resolve("trace.csv"), 1, 2)).isEqualTo(column(reference.resolve("trace.csv"), 1, 2));
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(f -> f.getFileName().toString())).as("no temporary file left")
                    .containsExactly(app + ".ckpt");
        }
    }

    /** Columns {@code a} and {@code b} of every row of a CSV file. */
    private static List<String> column(Path csv, int a, int b) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] f = line.split(",");
            out.add(f[a] + "," + f[b]);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lasso", "logreg"})
    void aFinishedFitResumedWritesTheSameResultAgain(String app) throws Exception {
        Path done = dir.resolve("done");
        assertThat(smp(fit(app, done, 600)).exitCode()).isZero(); // its last checkpoint is at round 600
        String model = Files.readString(done.resolve("model.txt"));
        List<String> trace = Files.readAllLines(done.resolve("trace.csv"));
        CliOutcome again = smp(fit(app, done, 600, "--resume", done.toString()));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(done.resolve("model.txt"))).isEqualTo(model);
        assertThat(column(done.resolve("trace.csv"), 1, 2)).as("no row twice")
                .isEqualTo(trace.stream().map(l -> l.split(",")[1] + "," + l.split(",")[2]).toList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lasso", "logreg"})
    void aCheckpointOfAnotherRunOrADamagedOneIsRefused(String app) throws Exception {
        Path first = dir.resolve("first");
        assertThat(smp(fit(app, first, 300)).exitCode()).isZero();
        CliOutcome other = smp(fit(app, dir.resolve("x"), 600, "--resume", first.toString(), "--seed", "9"));
        assertThat(other.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(other.err()).contains("belongs to another run");
        Path file = CheckpointOptions.file(first, app);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 1;
        Files.write(file, bytes);
        CliOutcome damaged = smp(fit(app, dir.resolve("y"), 600, "--resume", first.toString()));
        assertThat(damaged.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(damaged.err()).contains("damaged").contains(file.toString());
        assertThat(Files.exists(dir.resolve("y"))).isFalse();
    }
}
