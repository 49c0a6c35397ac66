package org.smpframe.cli;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
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

    @Option(names = "--bind", paramLabel = "HOST[:PORT]",
            description = "Address the other nodes reach this worker at (default: this machine's address on the route to the coordinator, a free port).")
    String bind;

    @Mixin
    ClusterOptions cluster;

    // For workers started by `smp launch`: a Ctrl-C in the terminal reaches the whole process group, but only
    // the coordinator should act on it (it ends the job, then stops these processes).
    @Option(names = "--ignore-interrupt", hidden = true)
    boolean ignoreInterrupt;

    @Override
    public Integer call() {
        String[] coordinator = ClusterSettings.parseAddress(join);
        String address = bind != null ? bind : addressTowards(coordinator[0], Integer.parseInt(coordinator[1]));
        String[] hostPort = ClusterSettings.parseAddress(address.contains(":") ? address : address + ":0");
        ClusterSettings settings = cluster.settings(hostPort[0], Integer.parseInt(hostPort[1]));
        if (ignoreInterrupt) {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        }
        return WorkerNode.run(settings, join, (job, worker, numWorkers) -> JobDescription.build(job));
    }

    /**
     * This machine's address on the route to {@code host}: what the coordinator and the other workers can reach
     * (a connected UDP socket sends nothing; it only asks the routing table).
     */
    private static String addressTowards(String host, int port) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(InetAddress.getByName(host), port);
            return probe.getLocalAddress().getHostAddress();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot find this machine's address towards " + host + " ("
                    + e.getMessage() + "); give it with --bind HOST");
        }
    }
}
