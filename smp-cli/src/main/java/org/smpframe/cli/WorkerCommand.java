package org.smpframe.cli;

import java.util.concurrent.Callable;
import org.smpframe.runtime.cluster.ClusterSettings;
import org.smpframe.runtime.cluster.WorkerNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smp worker}: serve one job of a coordinator, then exit. */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Join a coordinator's cluster as a worker, build its job's program from the same data",
            "(read from the same paths on this machine) and run its updates until the job ends.",
            "Exits 0 when the coordinator ends the job, 5 when it cannot be joined or is lost."})
final class WorkerCommand implements Callable<Integer> {
    @Option(names = "--join", required = true, paramLabel = "HOST:PORT", description = "The coordinator's address.")
    String join;

    @Option(names = "--bind", paramLabel = "HOST[:PORT]", defaultValue = "127.0.0.1:0",
            description = "Address the other nodes reach this worker at (default: ${DEFAULT-VALUE}; a port of 0 picks a free one).")
    String bind;

    @Mixin
    ClusterOptions cluster;

    // For workers started by `smp launch`: a Ctrl-C in the terminal reaches the whole process group, but only
    // the coordinator should act on it (it ends the job, then stops these processes).
    @Option(names = "--ignore-interrupt", hidden = true)
    boolean ignoreInterrupt;

    @Override
    public Integer call() {
        String[] hostPort = ClusterSettings.parseAddress(bind.contains(":") ? bind : bind + ":0");
        ClusterSettings.parseAddress(join);
        ClusterSettings settings = cluster.settings(hostPort[0], Integer.parseInt(hostPort[1]));
        if (ignoreInterrupt) {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        }
        return WorkerNode.run(settings, join, (job, worker, numWorkers) -> JobDescription.build(job));
    }
}
