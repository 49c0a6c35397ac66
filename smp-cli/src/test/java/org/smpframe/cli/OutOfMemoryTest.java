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
 * before anything big is allocated (LDA, MF), or, where no estimate applies (reading the data), when the heap
 * runs out.
 */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    private String runInSmallHeap(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx48m", KilledRun.vectorModule(), "-cp",
                System.getProperty("java.class.path"), SmpCommand.class.getName()));
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
        // Three million nonzeros: their arrays (and the reader's growing buffers) overflow a 48 MB heap while the
        // data is read, before any estimate can be made.
        Path data = dir.resolve("big.libsvm");
        StringBuilder line = new StringBuilder("1");
        for (int j = 1; j <= 200; j++) {
            line.append(' ').append(j).append(":0.5");
        }
        line.append('\n');
        try (var w = java.nio.file.Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 15_000; i++) {
                w.write(line.toString());
            }
        }
        Path out = dir.resolve("lasso");
        String err = runInSmallHeap("lasso", "--train", data.toString(), "--lambda", "0.1", "--quiet", "--out",
                out.toString());
        assertThat(err).contains("out of memory with a");
        assertThat(out).doesNotExist();
    }
}
