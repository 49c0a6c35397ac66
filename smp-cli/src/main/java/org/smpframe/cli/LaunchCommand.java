package org.smpframe.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.SmpRuntime;
import org.smpframe.api.SmpSession;
import org.smpframe.runtime.cluster.ClusterException;
import org.smpframe.runtime.cluster.ClusterRuntime;
import org.smpframe.runtime.cluster.ClusterSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smp launch --local N}: try the cluster runtime on one machine, with N worker processes. */
@Command(name = "launch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run an app on a cluster of this machine: a coordinator in this process and N worker",
            "JVMs on 127.0.0.1, started and always stopped by this command.",
            "Example: smp launch --local 2 lda --corpus docs.txt --topics 50 --workers 2 --out run"})
final class LaunchCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(LaunchCommand.class);

    @Option(names = "--local", required = true, paramLabel = "N", description = "Worker processes to start.")
    int local;

    @Mixin
    ClusterOptions cluster;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "APP ARGS", description = "The app and its options; its --workers must be N.")
    List<String> app;

    @Override
    public Integer call() {
        // --config FILE is expanded here, so that the workers get the options themselves, not a path to them.
        List<String> app = List.of(RunDirectory.expand(this.app.toArray(String[]::new)));
        if (local < 1) {
            throw new IllegalArgumentException("--local must be at least 1, got " + local);
        }
        ClusterSettings settings = cluster.settings("127.0.0.1", 0);
        return SmpCommand.executeApp(spec, (workers, job) -> {
            if (workers != local) {
                throw new IllegalArgumentException("the app asks for " + workers + " workers (--workers) but --local"
                        + " starts " + local + "; give the same number");
            }
            ClusterRuntime runtime = ClusterRuntime.start(settings, workers, JobDescription.encode(app, job.inputs()));
            return new LocalCluster(runtime, startWorkers(runtime.address()));
        }, app);
    }

    private List<Process> startWorkers(String address) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"),
                "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // Heap, the vector module (workers run the kernels the coordinator runs) and smp's own properties.
            if (arg.startsWith("-Xmx") || arg.startsWith("-Xms") || arg.startsWith("-Dsmp.")
                    || arg.startsWith("--add-modules")) {
                command.add(arg);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SmpCommand.class.getName(), "worker",
                "--join", address, "--ignore-interrupt"));
        command.addAll(cluster.asArguments());
        List<Process> processes = new ArrayList<>();
        try {
            for (int p = 0; p < local; p++) {
                processes.add(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
        } catch (IOException e) {
            processes.forEach(Process::destroyForcibly);
            throw new IllegalStateException("cannot start a worker process: " + e.getMessage(), e);
        }
        LOG.info("started {} worker processes joining {}", local, address);
        return processes;
    }

    /** The coordinator plus the worker processes it started, which never outlive it. */
    private static final class LocalCluster implements SmpRuntime {
        private final ClusterRuntime runtime;
        private final List<Process> processes;
        private final Thread reaper;
        private volatile boolean closing;

        LocalCluster(ClusterRuntime runtime, List<Process> processes) {
            this.runtime = runtime;
            this.processes = processes;
            // A worker JVM that dies (a bad option, no memory) would otherwise leave the coordinator waiting for the
            // join timeout or the failure detector: say at once which one, and how.
            for (Process p : processes) {
                p.onExit().thenAccept(done -> {
                    if (!closing) {
                        runtime.abort("worker process " + done.pid() + " exited with code " + done.exitValue()
                                + " before the job ended (its messages are above)");
                    }
                });
            }
            // An abort or a crash of this JVM must not leave workers behind (they would exit once they notice the
            // coordinator is gone, but not sooner). A first Ctrl-C does not end this JVM: the coordinator gathers
            // the model of the last round and writes it; the workers ignore the terminal's Ctrl-C themselves.
            this.reaper = new Thread(() -> processes.forEach(Process::destroyForcibly), "smp-launch-reaper");
            try {
                Runtime.getRuntime().addShutdownHook(reaper);
            } catch (IllegalStateException e) {
                processes.forEach(Process::destroyForcibly);
                throw new ClusterException("the process is shutting down; the workers were stopped");
            }
        }

        @Override
        public String name() {
            return "cluster (local)";
        }

        @Override
        public int numWorkers() {
            return runtime.numWorkers();
        }

        @Override
        public <P, C, S> SmpSession open(SmpProgram<P, C, S> program) {
            return runtime.open(program);
        }

        @Override
        public void close() {
            closing = true;
            try {
                runtime.close();
            } finally {
                for (Process p : processes) {
                    try {
                        if (!p.waitFor(10, TimeUnit.SECONDS)) {
                            p.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        p.destroyForcibly();
                    }
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(reaper);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook runs anyway
                }
            }
        }
    }
}
