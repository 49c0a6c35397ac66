package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that does not fit the heap ends with exit code 4 and advice, not a stack trace. */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    @Test
    void runningOutOfHeapSaysHowMuchToGive() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("run");
        // A million topics need far more than a 48 MB heap (the sampler keeps several K-long arrays per worker).
        Process p = new ProcessBuilder(List.of(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                SmpCommand.class.getName(), "lda", "--corpus", "../data/synthetic-lda.dat", "--vocab",
                "../data/synthetic-lda.vocab", "--topics", "1000000", "--iterations", "1", "--workers", "2", "--quiet",
                "--out", out.toString()))
                .redirectErrorStream(false).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err).isEqualTo(SmpCommand.EXIT_OUT_OF_MEMORY);
            assertThat(err).contains("out of memory").contains("-Xmx").doesNotContain("\tat ");
            assertThat(out.resolve("model")).doesNotExist();
        } finally {
            p.destroyForcibly();
        }
    }
}
