package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smpframe.cli.CliOutcome.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smpframe.api.RunSnapshot;
import org.smpframe.data.CheckpointFile;
import org.smpframe.mf.MfCheckpoints;

/**
 * {@code smp mf --checkpoint-every N} and {@code --resume DIR}: a fit killed with SIGKILL at an arbitrary moment
 * and resumed writes the uninterrupted fit's model, bit for bit, for CCD++ on the rotation and for Hogwild SGD.
 */
@Timeout(240)
class MfResumeCliTest {
    @TempDir
    Path dir;

    private static List<String> mf(String scheduler, int iterations, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("mf", "--ratings", "../data/synthetic-ratings.csv",
                "--test-fraction", "0.1", "--rank", "4", "--scheduler", scheduler, "--iterations",
                Integer.toString(iterations), "--checkpoint-every", "1", "--workers", "2", "--quiet",
                "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static long checkpointRound(Path file) {
        return CheckpointFile.read(file, MfCheckpoints.KIND, RunSnapshot::read).state().round();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rotation", "hogwild"})
    void aFitKilledWithSigkillResumesFromItsLastCheckpoint(String scheduler) throws Exception {
        Path killed = dir.resolve("killed");
        Path file = CheckpointOptions.file(killed, MfCheckpoints.KIND);
        KilledRun.killWhen(mf(scheduler, 1_000_000, killed), dir.resolve("killed-stderr.txt"),
                () -> Files.exists(file) && checkpointRound(file) >= 60);
        // The checkpoint keeps the trace so far: one row per iteration done.
        int done = CheckpointFile.read(file, MfCheckpoints.KIND, RunSnapshot::read).extra().split("\n").length;
        int iterations = done + 3;
        Path reference = dir.resolve("reference");
        CliOutcome whole = run(mf(scheduler, iterations, reference).toArray(String[]::new));
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        CliOutcome resumed = run(mf(scheduler, iterations, killed, "--resume", killed.toString())
                .toArray(String[]::new));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        try (var files = Files.list(reference.resolve("model"))) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(killed.resolve("model").resolve(f.getFileName())))
                        .as(f.getFileName().toString()).isEqualTo(Files.readString(f));
            }
        }
        List<String> trace = Files.readAllLines(killed.resolve("trace.csv"));
        assertThat(trace).hasSize(1 + iterations);
    }
}
