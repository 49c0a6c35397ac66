package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that does not fit the heap ends with exit code 4 and advice, not a stack trace: refused by the estimate
 * before anything big is allocated (LDA), or, where no estimate exists yet, when the heap runs out.
 */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    private String runInSmallHeap(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                SmpCommand.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err).isEqualTo(SmpCommand.EXIT_OUT_OF_MEMORY);
            assertThat(err).contains("memory").contains("-Xmx").doesNotContain("\tat ");
            return err;
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void anLdaRunThatCannotFitIsRefusedBeforeItStarts() throws IOException, InterruptedException {
        Path out = dir.resolve("lda");
        // A million topics: the samplers' K-long arrays alone need far more than a 48 MB heap.
        String err = runInSmallHeap("lda", "--corpus", "../data/synthetic-lda.dat", "--vocab",
                "../data/synthetic-lda.vocab", "--topics", "1000000", "--iterations", "1", "--workers", "2",
                "--quiet", "--out", out.toString());
        assertThat(err).contains("needs about");
        assertThat(out).doesNotExist(); // refused before the run directory was made
    }

    @Test
    void runningOutOfHeapSaysHowMuchToGive() throws IOException, InterruptedException {
        Path out = dir.resolve("mf");
        // Rank 100000 for 300 users is 240 MB of user factors: the heap runs out during training.
        String err = runInSmallHeap("mf", "--ratings", "../data/synthetic-ratings.csv", "--rank", "100000", "--inner",
                "1", "--iterations", "1", "--workers", "2", "--quiet", "--out", out.toString());
        assertThat(err).contains("out of memory with a");
        assertThat(out.resolve("model")).doesNotExist();
    }
}
