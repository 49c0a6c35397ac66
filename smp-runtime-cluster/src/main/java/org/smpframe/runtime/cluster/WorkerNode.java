package org.smpframe.runtime.cluster;

import com.typesafe.config.Config;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.JoinSeedNodes;

/**
 * A worker process: joins the coordinator's cluster, builds the program the coordinator sends it the job of,
 * serves rounds until the coordinator ends the job, and returns. One job per process.
 */
public final class WorkerNode {
    private WorkerNode() {
    }

    /**
     * Runs a worker until the job ends; returns the process's exit code: 0 when the coordinator ended the job,
     * {@link ExitCodes#CLUSTER} when the coordinator could not be joined or was lost.
     */
    public static int run(ClusterSettings settings, String coordinatorAddress, ProgramFactory factory) {
        ClusterSettings.parseAddress(coordinatorAddress);
        Config config = settings.config("worker");
        Transfers transfers = Transfers.from(config, 0);
        AtomicInteger exit = new AtomicInteger(ExitCodes.CLUSTER);
        ActorSystem<Object> system = ClusterRuntime.startNode(WorkerActor.create(coordinatorAddress, transfers, factory,
                config.getDuration("smp.cluster.join-timeout"), exit::set), config, settings);
        Cluster.get(system).manager().tell(new JoinSeedNodes(List.of(AddressFromURIString.parse(
                "pekko://" + ClusterSettings.SYSTEM_NAME + "@" + coordinatorAddress))));
        // The guardian stopping (job over, coordinator lost) terminates the actor system.
        try {
            system.getWhenTerminated().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            system.terminate();
        } catch (Exception e) {
            return ExitCodes.CLUSTER;
        }
        return exit.get();
    }
}
