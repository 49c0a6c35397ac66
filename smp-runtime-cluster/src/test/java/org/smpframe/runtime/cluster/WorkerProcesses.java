package org.smpframe.runtime.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Worker JVMs started by a test on 127.0.0.1; {@link #close} always stops them. */
final class WorkerProcesses implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();

    WorkerProcesses(int count, String coordinator, Path logDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int p = 0; p < count; p++) {
            // The vector module as in this JVM, so that workers and coordinator run the same kernels.
            String vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                    ? "--add-modules=jdk.incubator.vector" : "-Dsmp.kernels=scalar";
            processes.add(new ProcessBuilder(java, "-Xmx256m", vector, "-cp", System.getProperty("java.class.path"),
                    WorkerMain.class.getName(), coordinator)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(logDir.resolve("worker-" + p + ".log").toFile())
                    .start());
        }
    }

    List<Process> processes() {
        return processes;
    }

    /** Waits for every process to exit (bounded), returning their exit codes; kills the ones still running. */
    List<Integer> awaitExit(long seconds) throws InterruptedException {
        List<Integer> codes = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Process p : processes) {
            if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                codes.add(null);
            } else {
                codes.add(p.exitValue());
            }
        }
        return codes;
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
    }
}
