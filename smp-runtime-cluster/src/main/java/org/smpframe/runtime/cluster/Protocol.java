package org.smpframe.runtime.cluster;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The messages between the coordinator and its workers. A run is: {@link Assign} (build the program, take your
 * shard) answered by {@link Ready}; then per round one {@link Step} answered by {@link Pushed}; {@link Evaluate}
 * answered by {@link Stats} when the objective is due; {@link SaveState} and {@link RestoreState}, answered by
 * {@link WorkerState}, for checkpoints; {@link EndRun} (give the blocks back, send your resident
 * model part) answered by {@link RunEnded}; finally {@link Shutdown}. Model blocks travel worker to worker
 * through the {@link BlockPort}s, never through these messages.
 */
final class Protocol {
    private Protocol() {
    }

    /** What the coordinator's session thread waits for. */
    interface CoordinatorEvent {
    }

    /** What a worker's loop executes, in the order the coordinator sent it. */
    interface WorkerCommand {
    }

    // ---- worker -> coordinator

    /** A worker whose node is up offers itself: its control actor and its block port. */
    record Register(ActorRef<WorkerCommand> worker, ActorRef<BlockPort.Message> blocks)
            implements CoordinatorEvent, ClusterMessage {
    }

    /** The worker built the program and took its shard. */
    record Ready(int worker, String program, int numParameters) implements CoordinatorEvent, ClusterMessage {
    }

    /**
     * The partial result of round {@code round}, with where the worker's time went since its previous partial:
     * sending blocks on after that push, idle until this step arrived, applying the commit, waiting for this
     * round's blocks, computing (push); and the blocks it sent.
     */
    record Pushed(int worker, long round, Payload partial, WorkerTimes times, int blocksSent, long blockBytesSent)
            implements CoordinatorEvent, ClusterMessage {
    }

    record Stats(int worker, Payload stats) implements CoordinatorEvent, ClusterMessage {
    }

    /** The worker's saved state (answering {@link SaveState}), or null (having done a {@link RestoreState}). */
    record WorkerState(int worker, Payload state) implements CoordinatorEvent, ClusterMessage {
    }

    /** The worker sent back its blocks and, if asked, its resident model part (null otherwise). */
    record RunEnded(int worker, Payload resident, int blocksSent, long blockBytesSent)
            implements CoordinatorEvent, ClusterMessage {
    }

    /** The coordinator's own node stopped, or the job was aborted (local to the coordinator, never sent). */
    record Aborted(String why) implements CoordinatorEvent {
    }

    /** The program failed on the worker; the message says why. */
    record WorkerFailed(int worker, String message) implements CoordinatorEvent, ClusterMessage {
    }

    /** The failure detector lost a worker's node (local to the coordinator, never sent). */
    record WorkerLost(int worker, String address, String why) implements CoordinatorEvent {
    }

    // ---- coordinator -> worker

    /**
     * Become worker {@code worker} of {@code numWorkers}: build the program described by {@code job}. {@code peers}
     * are the block ports of all workers, by index.
     */
    record Assign(int worker, int numWorkers, Payload job, List<ActorRef<BlockPort.Message>> peers,
                  ActorRef<BlockPort.Message> coordinatorBlocks) implements WorkerCommand, ClusterMessage {
    }

    /**
     * Round {@code round}: apply {@code commit} (the previous round's, or null), first send the idle blocks listed
     * in {@code forwards} (pairs block, destination worker), then push for {@code schedule} holding the blocks of
     * your share, and after the push send block {@code share[i]} to worker {@code after[i]} (itself = keep it).
     */
    record Step(long round, Payload commit, Payload schedule, int[] forwards, int[] after)
            implements WorkerCommand, ClusterMessage {
    }

    /** Apply {@code commit} (or null) and send the statistics of your shard. */
    record Evaluate(Payload commit) implements WorkerCommand, ClusterMessage {
    }

    /** Apply {@code commit} (or null) and send your state, for a checkpoint ({@code WorkerTask.saveState}). */
    record SaveState(Payload commit) implements WorkerCommand, ClusterMessage {
    }

    /** Take {@code state} (what a {@link SaveState} sent), before a resumed run's first round. */
    record RestoreState(Payload state) implements WorkerCommand, ClusterMessage {
    }

    /**
     * The run is over: apply {@code commit} (or null), send the blocks listed in {@code returnBlocks} to the
     * coordinator's block port and, if {@code gatherResident}, your resident model part.
     */
    record EndRun(Payload commit, int[] returnBlocks, boolean gatherResident) implements WorkerCommand, ClusterMessage {
    }

    /** The job is done (or abandoned): leave the cluster. */
    record Shutdown(String reason) implements WorkerCommand, ClusterMessage {
    }
}
