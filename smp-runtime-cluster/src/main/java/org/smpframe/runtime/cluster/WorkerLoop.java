package org.smpframe.runtime.cluster;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.pekko.actor.typed.ActorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smpframe.api.BlockHolder;
import org.smpframe.api.ResidentHolder;
import org.smpframe.api.Schedule;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.StateIo;
import org.smpframe.api.WireFormat;
import org.smpframe.api.WorkerTask;
import org.smpframe.runtime.cluster.Protocol.Assign;
import org.smpframe.runtime.cluster.Protocol.CoordinatorEvent;
import org.smpframe.runtime.cluster.Protocol.EndRun;
import org.smpframe.runtime.cluster.Protocol.Evaluate;
import org.smpframe.runtime.cluster.Protocol.Pushed;
import org.smpframe.runtime.cluster.Protocol.Ready;
import org.smpframe.runtime.cluster.Protocol.RunEnded;
import org.smpframe.runtime.cluster.Protocol.Shutdown;
import org.smpframe.runtime.cluster.Protocol.RestoreState;
import org.smpframe.runtime.cluster.Protocol.SaveState;
import org.smpframe.runtime.cluster.Protocol.Stats;
import org.smpframe.runtime.cluster.Protocol.WorkerState;
import org.smpframe.runtime.cluster.Protocol.Step;
import org.smpframe.runtime.cluster.Protocol.WorkerCommand;
import org.smpframe.runtime.cluster.Protocol.WorkerFailed;

/**
 * The thread that runs a worker process's task: executes the coordinator's commands in order, one at a time
 * (a {@link WorkerTask} is only ever called from one thread), so the actors stay free to receive blocks while a
 * push computes.
 */
final class WorkerLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerLoop.class);

    private final BlockingQueue<WorkerCommand> commands = new LinkedBlockingQueue<>();
    private final ActorRef<CoordinatorEvent> coordinator;
    private final Transfers transfers;
    private final ProgramFactory factory;
    private final Map<Integer, Object> kept = new HashMap<>(); // blocks this worker keeps for its next round
    private int worker = -1;
    // Only the task and the program's formats are kept: the rest of the program (the whole data set as read, and
    // for rotation apps the whole model) can be collected once the task has taken its shard.
    private WireFormat<?> partialFormat;
    private WireFormat<?> commitFormat;
    private WireFormat<?> statsFormat;
    private WireFormat<?> blockFormat; // null without moving blocks
    private WireFormat<?> residentFormat; // null without a resident model
    private WorkerTask<?, ?, ?> task;
    private List<ActorRef<BlockPort.Message>> peers;
    private ActorRef<BlockPort.Message> coordinatorPort;
    private int blocksSent;
    private long blockBytesSent;
    private long sendNanos;
    private long idleSince;
    private volatile boolean failed;
    private volatile String shutdownReason;

    WorkerLoop(ActorRef<CoordinatorEvent> coordinator, Transfers transfers, ProgramFactory factory) {
        this.coordinator = coordinator;
        this.transfers = transfers;
        this.factory = factory;
    }

    void submit(WorkerCommand command) {
        commands.add(command);
    }

    /** Whether the program failed on this worker (the process then exits with an error). */
    boolean failed() {
        return failed;
    }

    /** Why the loop ended (the coordinator's reason), or null while it runs. */
    String shutdownReason() {
        return shutdownReason;
    }

    @Override
    public void run() {
        while (true) {
            WorkerCommand c;
            try {
                c = commands.take();
            } catch (InterruptedException e) {
                shutdownReason = "interrupted";
                return;
            }
            if (c instanceof Shutdown s) {
                shutdownReason = s.reason();
                return;
            }
            if (failed) {
                continue; // the coordinator has the failure and will end the job
            }
            try {
                execute(c);
            } catch (Throwable t) {
                failed = true;
                LOG.error("worker {} failed", worker, t);
                coordinator.tell(new WorkerFailed(worker, t instanceof Exception && t.getMessage() != null
                        ? t.getMessage() : t.toString()));
            }
        }
    }

    private void execute(WorkerCommand c) throws Exception {
        if (c instanceof Step s) {
            step(s);
        } else if (c instanceof Evaluate e) {
            apply(e.commit());
            coordinator.tell(new Stats(worker, transfers.payload(encodeStats(), coordinatorPort)));
        } else if (c instanceof SaveState v) {
            apply(v.commit());
            coordinator.tell(new WorkerState(worker, transfers.payload(StateIo.toBytes(task::saveState),
                    coordinatorPort)));
        } else if (c instanceof RestoreState r) {
            restoreState(transfers.bytes(r.state()));
            coordinator.tell(new WorkerState(worker, null));
        } else if (c instanceof EndRun e) {
            endRun(e);
        } else if (c instanceof Assign a) {
            assign(a);
        } else {
            throw new IllegalStateException("unknown command " + c.getClass().getName());
        }
    }

    private void assign(Assign a) throws Exception {
        worker = a.worker();
        transfers.node(worker);
        peers = a.peers();
        coordinatorPort = a.coordinatorBlocks();
        long start = System.nanoTime();
        SmpProgram<?, ?, ?> program = factory.build(transfers.bytes(a.job()), a.worker(), a.numWorkers());
        program.partition(a.numWorkers());
        task = program.createWorker(a.worker(), a.numWorkers());
        if (program.movingBlocks() != null && !(task instanceof BlockHolder)) {
            throw new IllegalStateException(program.name() + " has moving blocks but its worker task is no BlockHolder");
        }
        if (program.residentModel() != null && !(task instanceof ResidentHolder)) {
            throw new IllegalStateException(program.name() + " has a resident model but its worker task is no"
                    + " ResidentHolder");
        }
        partialFormat = program.partialFormat();
        commitFormat = program.commitFormat();
        statsFormat = program.statsFormat();
        blockFormat = program.movingBlocks() == null ? null : program.movingBlocks().format();
        residentFormat = program.residentModel() == null ? null : program.residentModel().format();
        LOG.info("worker {} of {}: {} built in {} ms", worker, a.numWorkers(), program.name(),
                (System.nanoTime() - start) / 1_000_000);
        coordinator.tell(new Ready(worker, program.name(), program.numParameters()));
    }

    private void step(Step s) {
        long begin = System.nanoTime();
        long idle = idleSince == 0 ? 0 : begin - idleSince;
        apply(s.commit());
        long applied = System.nanoTime() - begin;
        Schedule schedule = Codec.decode(Schedule.FORMAT, transfers.bytes(s.schedule()), "a schedule");
        int[] forwards = s.forwards();
        for (int i = 0; i < forwards.length; i += 2) {
            sendBlock(forwards[i], blockBytes(forwards[i]), peers.get(forwards[i + 1]));
        }
        long waited = 0;
        int[] params = schedule.params();
        boolean blocks = blockFormat != null;
        for (int i = schedule.from(worker); blocks && i < schedule.to(worker); i++) {
            long t0 = System.nanoTime();
            Object state = blockState(params[i]);
            waited += System.nanoTime() - t0;
            receive(params[i], state);
        }
        long start = System.nanoTime();
        byte[] partial = encodePartial(schedule);
        long computed = System.nanoTime() - start;
        // The partial first, so the coordinator aggregates while this worker sends its blocks on; the time that
        // sending takes is reported with the next partial.
        coordinator.tell(new Pushed(worker, s.round(), transfers.payload(partial, coordinatorPort),
                new WorkerTimes(sendNanos, idle, applied, waited, computed), blocksSent, blockBytesSent));
        blocksSent = 0;
        blockBytesSent = 0;
        long sendStart = System.nanoTime();
        int[] after = s.after();
        for (int i = schedule.from(worker); blocks && i < schedule.to(worker); i++) {
            int b = params[i];
            Object state = release(b);
            int dest = after[i - schedule.from(worker)];
            if (dest == worker) {
                kept.put(b, state);
            } else {
                sendBlock(b, encodeBlock(state), peers.get(dest));
            }
        }
        idleSince = System.nanoTime();
        sendNanos = idleSince - sendStart;
    }

    private void endRun(EndRun e) {
        apply(e.commit());
        int sent = blocksSent;
        long bytes = blockBytesSent;
        blocksSent = 0;
        blockBytesSent = 0;
        for (int b : e.returnBlocks()) {
            byte[] block = blockBytes(b);
            transfers.send(b, block, coordinatorPort);
        }
        Payload resident = e.gatherResident() ? transfers.payload(encodeResident(), coordinatorPort) : null;
        coordinator.tell(new RunEnded(worker, resident, sent, bytes));
    }

    private void sendBlock(int block, byte[] bytes, ActorRef<BlockPort.Message> to) {
        transfers.send(block, bytes, to);
        blocksSent++;
        blockBytesSent += bytes.length;
    }

    /** A block's state, kept here or arrived from another node. */
    private Object blockState(int block) {
        Object state = kept.remove(block);
        return state != null ? state : decodeBlock(transfers.await(block), block);
    }

    /** A block's bytes, encoded from the state kept here or as they arrived (forwarded without decoding). */
    private byte[] blockBytes(int block) {
        Object state = kept.remove(block);
        return state != null ? encodeBlock(state) : transfers.await(block);
    }

    // ---- the typed calls into the program; the casts are safe because task and formats come from one program

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void apply(Payload commit) {
        if (commit != null) {
            ((WorkerTask) task).apply(Codec.decode(commitFormat, transfers.bytes(commit), "a commit"));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private byte[] encodePartial(Schedule schedule) {
        return Codec.encode((WireFormat) partialFormat, task.push(schedule));
    }

    private void restoreState(byte[] state) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
        task.restoreState(in);
        if (in.available() != 0) {
            throw new IOException("the checkpoint's state of worker " + worker + " does not fit: " + in.available()
                    + " bytes left over");
        }
    }

    private byte[] encodeStats() {
        return Codec.encode((WireFormat) statsFormat, task.localStats());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private byte[] encodeResident() {
        return Codec.encode((WireFormat) residentFormat, ((ResidentHolder) task).residentPart());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private byte[] encodeBlock(Object state) {
        return Codec.encode((WireFormat) blockFormat, state);
    }

    private Object decodeBlock(byte[] bytes, int block) {
        return Codec.decode(blockFormat, bytes, "block " + block);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void receive(int block, Object state) {
        ((BlockHolder) task).receive(block, state);
    }

    @SuppressWarnings("rawtypes")
    private Object release(int block) {
        return ((BlockHolder) task).release(block);
    }
}
