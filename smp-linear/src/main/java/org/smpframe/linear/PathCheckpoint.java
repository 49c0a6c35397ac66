package org.smpframe.linear;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.smpframe.api.Evaluation;
import org.smpframe.api.RunSnapshot;
import org.smpframe.api.RunSummary;
import org.smpframe.api.StateIo;
import org.smpframe.api.TracePoint;
import org.smpframe.data.DataFingerprint;
import org.smpframe.data.LabeledDataset;

/**
 * The state of a fit along a regularization path (Lasso, logistic regression), taken right after an evaluation:
 * the λ being fitted, the committed coefficients, where the run and its scheduler are, and every λ already
 * fitted. A fit resumed from it goes on exactly as the uninterrupted one would have.
 *
 * @param stage         index of the λ being fitted
 * @param coefficients  the committed coefficients (on the scale the problem is solved in)
 * @param snapshot      the run of this λ so far (from its start: a λ's run is checkpointed before its first round)
 * @param secondsBefore solver seconds of the earlier λs
 * @param roundsBefore  rounds of the earlier λs
 * @param updatesBefore updates of the earlier λs
 * @param done          the earlier λs, in order
 */
public record PathCheckpoint(int stage, double[] coefficients, RunSnapshot snapshot, double secondsBefore, long roundsBefore, long updatesBefore, List<DoneStage> done) {

    /** A λ already fitted: what its result is rebuilt from. */
    public record DoneStage(double lambda, double[] coefficients, RunSummary.StopReason reason, long rounds,
                            long updates, double seconds, TracePoint last) {
    }

    public PathCheckpoint {
        if (done.size() != stage) {
            throw new IllegalArgumentException(done.size() + " fitted lambdas before stage " + stage);
        }
        if (snapshot == null) {
            throw new IllegalArgumentException("a checkpoint needs the run's snapshot");
        }
        done = List.copyOf(done);
    }

    /**
     * What a checkpoint must agree with to be resumed: the data ({@link DataFingerprint}), the app's options that
     * change the iterates ({@code settings}: λ or the path, scheduler, pipeline depth, evaluation interval, seed,
     * scaling; not the round or time limits, so that a run can be extended) and the number of workers.
     */
    public static String compatibility(LabeledDataset train, String settings, int workers) {
        return "data " + DataFingerprint.of(train) + "; " + settings + "; workers " + workers;
    }

    /** Writes the state (the body of a {@link org.smpframe.data.CheckpointFile}). */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(stage);
        StateIo.writeDoubles(out, coefficients);
        snapshot.write(out);
        out.writeDouble(secondsBefore);
        out.writeLong(roundsBefore);
        out.writeLong(updatesBefore);
        for (DoneStage d : done) {
            out.writeDouble(d.lambda());
            StateIo.writeDoubles(out, d.coefficients());
            out.writeUTF(d.reason().name());
            out.writeLong(d.rounds());
            out.writeLong(d.updates());
            out.writeDouble(d.seconds());
            writePoint(out, d.last());
        }
    }

    /** Reads what {@link #write} wrote; lengths are checked against {@code size}, the file's size. */
    public static PathCheckpoint read(DataInputStream in, long size) throws IOException {
        int stage = in.readInt();
        if (stage < 0 || stage > size) {
            throw new IOException("stage " + stage);
        }
        double[] coefficients = readDoubles(in, size);
        RunSnapshot snapshot = RunSnapshot.read(in, size);
        double secondsBefore = in.readDouble();
        long roundsBefore = in.readLong();
        long updatesBefore = in.readLong();
        List<DoneStage> done = new ArrayList<>();
        for (int s = 0; s < stage; s++) {
            double lambda = in.readDouble();
            double[] b = readDoubles(in, size);
            if (b.length != coefficients.length) {
                throw new IOException("lambda " + s + " has " + b.length + " coefficients, the current one "
                        + coefficients.length);
            }
            RunSummary.StopReason reason;
            try {
                reason = RunSummary.StopReason.valueOf(in.readUTF());
            } catch (IllegalArgumentException e) {
                throw new IOException("unknown stop reason", e);
            }
            done.add(new DoneStage(lambda, b, reason, in.readLong(), in.readLong(), in.readDouble(),
                    readPoint(in, size)));
        }
        return new PathCheckpoint(stage, coefficients, snapshot, secondsBefore, roundsBefore, updatesBefore, done);
    }

    private static void writePoint(DataOutputStream out, TracePoint p) throws IOException {
        out.writeDouble(p.seconds());
        out.writeLong(p.round());
        out.writeLong(p.updates());
        Evaluation e = p.evaluation();
        out.writeBoolean(e.converged());
        out.writeInt(e.size());
        for (int i = 0; i < e.size(); i++) {
            out.writeUTF(e.names().get(i));
            out.writeDouble(e.value(i));
        }
    }

    private static TracePoint readPoint(DataInputStream in, long size) throws IOException {
        double seconds = in.readDouble();
        long round = in.readLong();
        long updates = in.readLong();
        boolean converged = in.readBoolean();
        int n = in.readInt();
        if (n < 1 || n > size) {
            throw new IOException("an evaluation of " + n + " values");
        }
        String firstName = in.readUTF();
        if (!firstName.equals(Evaluation.OBJECTIVE)) {
            throw new IOException("an evaluation that does not start with the objective");
        }
        Evaluation.Builder b = Evaluation.objective(in.readDouble());
        for (int i = 1; i < n; i++) {
            b.put(in.readUTF(), in.readDouble());
        }
        return new TracePoint(seconds, round, updates, b.converged(converged).build());
    }

    /** Coefficients written by {@link StateIo#writeDoubles}; no more than the file's size can hold. */
    private static double[] readDoubles(DataInputStream in, long size) throws IOException {
        double[] a = StateIo.readDoubles(in, (int) Math.min(Integer.MAX_VALUE, size / 8), "a coefficient vector");
        if (a == null) {
            throw new IOException("a coefficient vector is missing");
        }
        return a;
    }
}
