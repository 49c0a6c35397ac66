package org.smpframe.runtime.cluster;

import java.time.Duration;
import java.util.function.IntConsumer;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.SelfUp;
import org.apache.pekko.cluster.typed.Subscribe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smpframe.runtime.cluster.Protocol.CoordinatorEvent;
import org.smpframe.runtime.cluster.Protocol.Register;
import org.smpframe.runtime.cluster.Protocol.Shutdown;
import org.smpframe.runtime.cluster.Protocol.WorkerCommand;

/**
 * A worker process's guardian actor: registers with the coordinator once this node is up in the cluster, hands
 * the coordinator's commands to the {@link WorkerLoop} thread, and ends the process when the job is over or the
 * coordinator is lost (a worker never outlives its coordinator).
 */
final class WorkerActor {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerActor.class);

    private WorkerActor() {
    }

    private record Up() {
    }

    private record Unreachable(ClusterEvent.UnreachableMember event) {
    }

    private record Removed(ClusterEvent.MemberRemoved event) {
    }

    private record JoinTimedOut() {
    }

    private record LoopEnded() {
    }

    /**
     * @param coordinatorAddress the coordinator's HOST:PORT
     * @param exit               told the process's exit code when the actor stops: 0 after a normal shutdown
     */
    static Behavior<Object> create(String coordinatorAddress, Transfers transfers, ProgramFactory factory,
                                   Duration joinTimeout, IntConsumer exit) {
        return Behaviors.setup(ctx -> {
            ActorRef<BlockPort.Message> port = ctx.spawn(BlockPort.create(transfers), BlockPort.NAME);
            transfers.bind(port);
            Cluster cluster = Cluster.get(ctx.getSystem());
            cluster.subscriptions().tell(Subscribe.create(ctx.messageAdapter(SelfUp.class, e -> new Up()), SelfUp.class));
            cluster.subscriptions().tell(Subscribe.create(
                    ctx.messageAdapter(ClusterEvent.UnreachableMember.class, Unreachable::new),
                    ClusterEvent.UnreachableMember.class));
            cluster.subscriptions().tell(Subscribe.create(
                    ctx.messageAdapter(ClusterEvent.MemberRemoved.class, Removed::new), ClusterEvent.MemberRemoved.class));
            ActorRef<CoordinatorEvent> coordinator = ActorRefResolver.get(ctx.getSystem()).resolveActorRef(
                    "pekko://" + ClusterSettings.SYSTEM_NAME + "@" + coordinatorAddress + "/user");
            WorkerLoop loop = new WorkerLoop(coordinator, transfers, factory);
            ActorRef<Object> self = ctx.getSelf();
            Thread thread = new Thread(() -> {
                loop.run();
                self.tell(new LoopEnded());
            }, "smp-worker");
            thread.setDaemon(true);
            thread.start();
            ctx.scheduleOnce(joinTimeout, self, new JoinTimedOut());
            boolean[] registered = {false};
            return Behaviors.receive(Object.class)
                    .onMessage(Up.class, u -> {
                        LOG.info("joined the cluster of {}; registering", coordinatorAddress);
                        coordinator.tell(new Register(self.narrow(), port));
                        registered[0] = true;
                        return Behaviors.same();
                    })
                    .onMessage(JoinTimedOut.class, t -> {
                        if (registered[0]) {
                            return Behaviors.same();
                        }
                        LOG.error("could not join the coordinator at {} within {} s", coordinatorAddress,
                                joinTimeout.toSeconds());
                        exit.accept(ExitCodes.CLUSTER);
                        return Behaviors.stopped();
                    })
                    .onMessage(Unreachable.class, u -> {
                        if (!u.event().member().hasRole("coordinator")) {
                            return Behaviors.same(); // a peer: the coordinator notices too and ends the job
                        }
                        LOG.error("lost the coordinator at {}: its node stopped answering heartbeats; stopping",
                                u.event().member().address());
                        transfers.fail("the coordinator was lost");
                        exit.accept(ExitCodes.CLUSTER);
                        return Behaviors.stopped();
                    })
                    .onMessage(Removed.class, r -> {
                        if (!r.event().member().hasRole("coordinator") || loop.shutdownReason() != null) {
                            return Behaviors.same();
                        }
                        LOG.error("the coordinator at {} left the cluster before ending the job; stopping",
                                r.event().member().address());
                        transfers.fail("the coordinator left");
                        exit.accept(ExitCodes.CLUSTER);
                        return Behaviors.stopped();
                    })
                    .onMessage(Shutdown.class, s -> {
                        // Wakes the loop if it waits for a block or for window space that will never come (a
                        // peer failed or was lost), so that it reaches this shutdown.
                        transfers.fail("the job ended: " + s.reason());
                        loop.submit(s);
                        return Behaviors.same();
                    })
                    .onMessage(LoopEnded.class, e -> {
                        LOG.info("the coordinator ended the job: {}", loop.shutdownReason());
                        exit.accept(loop.failed() ? ExitCodes.CLUSTER : 0);
                        // Leave the cluster properly (the coordinator confirms the removal), then stop the node.
                        CoordinatedShutdown.get(ctx.getSystem()).runAll(CoordinatedShutdown.unknownReason());
                        return Behaviors.same();
                    })
                    .onMessage(WorkerCommand.class, c -> {
                        loop.submit(c);
                        return Behaviors.same();
                    })
                    .build();
        });
    }
}
