package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Runs {@code smp} in a child JVM and kills it with SIGKILL once a condition holds: a crash at a random moment. */
final class KilledRun {
    private KilledRun() {
    }

    /**
     * The vector module for a child JVM when this one has it (as the build's tests and the launcher do): parent and
     * child then run the same kernels, and their results agree bit for bit.
     */
    static String vectorModule() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "--add-modules=jdk.incubator.vector"
                : "-Dsmp.kernels=scalar";
    }

    /**
     * Starts {@code smp args} (stderr to {@code stderr}), polls {@code ready} until it holds (at most 120 s, the
     * process must stay alive meanwhile), then kills the process with SIGKILL and waits for it to be gone.
     */
    static void killWhen(List<String> args, Path stderr, Callable<Boolean> ready) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", vectorModule(), "-cp", System.getProperty("java.class.path"),
                SmpCommand.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!ready.call()) {
                assertThat(System.nanoTime()).as("ready within 120 s").isLessThan(deadline);
                assertThat(p.isAlive()).as(Files.readString(stderr)).isTrue();
                Thread.sleep(20);
            }
            p.destroyForcibly(); // SIGKILL: no hook runs, the process is gone mid-write or mid-round
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
    }
}
