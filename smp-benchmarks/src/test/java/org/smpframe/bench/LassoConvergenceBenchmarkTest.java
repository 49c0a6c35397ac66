package org.smpframe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The convergence harness end to end on a problem that solves in seconds; no timing is asserted. */
class LassoConvergenceBenchmarkTest {

    @TempDir
    Path emptyDataDir;

    private List<ProblemReport> runQuietly(ByteArrayOutputStream text, String... args) {
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            return new LassoConvergenceBenchmark(BenchOptions.parse(args), out).run();
        }
    }

    @Test
    void harnessMeasuresEverySchedulerOnATinyGeneratedProblemWithoutSharedData() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        List<ProblemReport> reports = runQuietly(text, "--problems", "tiny", "--data", emptyDataDir.toString(),
                "--reps", "2", "--cap", "2", "--explore-cap", "0.5", "--blocks", "8", "--rhos", "0.5",
                "--reference-cap", "10");

        ProblemReport tiny = reports.get(0);
        assertThat(tiny.wasSkipped()).isFalse();
        assertThat(tiny.reference().certified()).isTrue();
        assertThat(tiny.target()).isEqualTo(tiny.reference().objective() * (1 + LassoConvergenceBenchmark.TARGET));
        // smp, random, cyclic at the same L, then the sequential baseline; every one measured twice.
        assertThat(tiny.sameBlock()).extracting(m -> m.spec().scheduler())
                .containsExactly("smp", "random", "cyclic", "cyclic");
        assertThat(tiny.sameBlock()).allSatisfy(m -> assertThat(m.runs()).hasSize(2));
        assertThat(tiny.sameBlock().get(3).spec().isSequential()).isTrue();
        assertThat(tiny.ownBest()).hasSize(4);
        assertThat(tiny.exploration()).hasSize(3); // smp (one rho), random, cyclic at the one L
        // The sequential baseline cannot diverge; whatever it reached is at or above f*.
        RunOutcome cd = tiny.sameBlock().get(3).median();
        assertThat(cd.status()).isNotEqualTo(RunOutcome.Status.DIVERGED);
        assertThat(cd.objective()).isGreaterThanOrEqualTo(tiny.reference().objective() * (1 - 1e-9));

        String printed = text.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("| tiny | smp | 2 | 8 | 0.5 |", "| tiny | random | 2 | 8 |",
                "| tiny | sequential CD (cyclic) | 1 | 1 |",
                "command: java -cp smp-benchmarks/target/benchmarks.jar org.smpframe.bench.LassoConvergenceBenchmark "
                        + "--problems tiny");
    }

    @Test
    void realDataProblemIsSkippedWithAMessageWhenItsFileIsAbsent() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        List<ProblemReport> reports = runQuietly(text, "--problems", "golub,cpusmall", "--data",
                emptyDataDir.toString());

        assertThat(reports).allSatisfy(r -> assertThat(r.wasSkipped()).isTrue());
        assertThat(reports.get(0).skipped()).contains("Golub leukemia data not found",
                "lasso_golub_leukemia/golub_leukemia_train.libsvm.xz");
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("SKIPPED golub: ", "SKIPPED cpusmall: ");
    }
}
