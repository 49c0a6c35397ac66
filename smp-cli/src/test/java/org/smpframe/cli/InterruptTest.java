package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        Result r = terminateWhenRunning(out, "lda", "--corpus", "../data/synthetic-lda.dat", "--vocab",
                "../data/synthetic-lda.vocab", "--topics", "10", "--iterations", "100000000", "--eval-every", "5",
                "--workers", "2", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(128 + 15);
        assertThat(r.stderr()).contains("stopping at the end of the current round");
        assertStoppedModel(out);
    }

    @Test
    void aTerminatedClusterRunGathersTheModelWritesItAndStopsItsWorkers() throws Exception {
        Path out = dir.resolve("cluster");
        Result r = terminateWhenRunning(out, "launch", "--local", "2", "lda", "--corpus", "../data/synthetic-lda.dat",
                "--vocab", "../data/synthetic-lda.vocab", "--topics", "50", "--iterations", "100000000",
                "--eval-every", "5", "--workers", "2", "--out", out.toString());
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(128 + 15);
        assertStoppedModel(out);
        for (ProcessHandle worker : r.children()) {
            assertThat(worker.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("worker %d", worker.pid()).isFalse();
        }
    }

    private record Result(int exitCode, String stderr, List<ProcessHandle> children) {
    }

    /** Starts {@code smp ARGS} in a child JVM, sends it SIGTERM once the fit reports progress, and waits. */
    private Result terminateWhenRunning(Path out, String... args) throws Exception {
        Path stderr = dir.resolve(out.getFileName() + "-stderr.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", KilledRun.vectorModule(), "-cp", System.getProperty("java.class.path"),
                SmpCommand.class.getName()));
        command.addAll(List.of(args));
        // Output to files: Process.destroy() closes the pipes, and what the process writes after the signal is
        // exactly what this test reads.
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve(out.getFileName() + "-stdout.txt").toFile())
                .redirectError(stderr.toFile()).start();
        List<ProcessHandle> children;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!(Files.exists(stderr) && Files.readString(stderr).contains("objective"))) {
                assertThat(System.nanoTime()).as("the fit started within 90 s").isLessThan(deadline);
                assertThat(p.isAlive()).as("the process runs: %s", Files.readString(stderr)).isTrue();
                Thread.sleep(100);
            }
            children = p.descendants().collect(java.util.stream.Collectors.toList());
            p.destroy(); // SIGTERM, as `kill` sends; Ctrl-C's SIGINT takes the same path
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the process exited").isTrue();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), Files.readString(stderr), children);
    }

    private static void assertStoppedModel(Path out) throws Exception {
        assertThat(Files.readString(out.resolve("summary.txt"))).contains("stopped on request");
        assertThat(Files.readAllLines(out.resolve("trace.csv")).size()).isGreaterThan(1);
        LdaModel model = LdaModel.load(out.resolve("model"));
        assertThat(model.info().get("stopped_by")).isEqualTo("stopped");
    }
}
