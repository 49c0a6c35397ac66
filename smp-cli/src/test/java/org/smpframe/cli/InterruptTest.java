package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.smpframe.lda.LdaModel;

/**
 * SIGTERM (what Ctrl-C does, as SIGINT) to a running {@code smp lda}: the fit stops at the end of its round, the
 * model and trace of that point are written, complete, and the process exits with the signal's status.
 */
@Timeout(120)
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void aTerminatedRunWritesItsModelSoFarAndExits() throws Exception {
        Path out = dir.resolve("run");
        Path stderr = dir.resolve("stderr.txt");
        // Output to files: Process.destroy() closes the pipes, and what the process writes after the signal is
        // exactly what this test reads.
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), SmpCommand.class.getName(), "lda", "--corpus",
                "../data/synthetic-lda.dat", "--vocab", "../data/synthetic-lda.vocab", "--topics", "10",
                "--iterations", "100000000", "--eval-every", "5", "--workers", "2", "--out", out.toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(stderr) && Files.readString(stderr).contains("objective"))) {
                assertThat(System.nanoTime()).as("the fit started within 60 s").isLessThan(deadline);
                assertThat(p.isAlive()).as("the process runs").isTrue();
                Thread.sleep(100);
            }
            p.destroy(); // SIGTERM, as `kill` sends; Ctrl-C's SIGINT takes the same path
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the process exited").isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).isEqualTo(128 + 15);
        assertThat(Files.readString(stderr)).contains("stopping at the end of the current round");
        assertThat(Files.readString(out.resolve("summary.txt"))).contains("stopped on request");
        assertThat(Files.readAllLines(out.resolve("trace.csv")).size()).isGreaterThan(1);
        LdaModel model = LdaModel.load(out.resolve("model"));
        assertThat(model.numTopics()).isEqualTo(10);
        assertThat(model.info().get("stopped_by")).isEqualTo("stopped");
    }
}
