package org.smpframe.runtime.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;
import org.smpframe.runtime.cluster.Protocol.CoordinatorEvent;
import org.smpframe.runtime.cluster.Protocol.Register;
import org.smpframe.runtime.cluster.Protocol.WorkerLost;

/**
 * The coordinator's guardian actor: a mailbox for the session thread, which does the actual work (the rounds run
 * on the thread that called the program, as in the embedded runtime). It passes every worker message on in
 * arrival order and turns the failure detector's verdict on a worker's node into {@link WorkerLost}.
 */
final class CoordinatorActor {
    private CoordinatorActor() {
    }

    private record Unreachable(ClusterEvent.UnreachableMember event) implements CoordinatorEvent {
    }

    private record Removed(ClusterEvent.MemberRemoved event) implements CoordinatorEvent {
    }

    /** @param numWorkers workers the job takes: surplus ones are turned away, and their leaving is no failure */
    static Behavior<CoordinatorEvent> create(BlockingQueue<CoordinatorEvent> events, Transfers transfers,
                                             int numWorkers) {
        return Behaviors.setup(ctx -> {
            ActorRef<BlockPort.Message> port = ctx.spawn(BlockPort.create(transfers), BlockPort.NAME);
            transfers.bind(port);
            Cluster cluster = Cluster.get(ctx.getSystem());
            cluster.subscriptions().tell(Subscribe.create(
                    ctx.messageAdapter(ClusterEvent.UnreachableMember.class, Unreachable::new),
                    ClusterEvent.UnreachableMember.class));
            cluster.subscriptions().tell(Subscribe.create(
                    ctx.messageAdapter(ClusterEvent.MemberRemoved.class, Removed::new), ClusterEvent.MemberRemoved.class));
            Map<Address, Integer> workers = new HashMap<>();
            return Behaviors.receive(CoordinatorEvent.class)
                    .onMessage(Register.class, r -> {
                        if (workers.size() < numWorkers) {
                            workers.putIfAbsent(r.worker().path().address(), workers.size());
                        }
                        events.add(r);
                        return Behaviors.same();
                    })
                    .onMessage(Unreachable.class, u -> {
                        lost(workers, u.event().member().address(), "unreachable: its node stopped answering the"
                                + " failure detector's heartbeats (crashed, killed, or cut off)", events, transfers);
                        return Behaviors.same();
                    })
                    .onMessage(Removed.class, r -> {
                        if (cluster.selfMember().status() != MemberStatus.up()) {
                            return Behaviors.same(); // this node is leaving: the members go with it
                        }
                        lost(workers, r.event().member().address(), "removed from the cluster", events, transfers);
                        return Behaviors.same();
                    })
                    .onAnyMessage(m -> {
                        events.add(m);
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private static void lost(Map<Address, Integer> workers, Address address, String why,
                             BlockingQueue<CoordinatorEvent> events, Transfers transfers) {
        Integer worker = workers.get(address);
        if (worker != null) {
            String where = address.host().getOrElse(() -> "?") + ":" + address.port().getOrElse(() -> 0);
            events.add(new WorkerLost(worker, where, why));
            transfers.fail("worker " + worker + " at " + where + " was lost (" + why + ")");
        }
    }
}
