package org.smpframe.lasso;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smpframe.api.Evaluation;
import org.smpframe.api.RunSnapshot;
import org.smpframe.api.RunSummary;
import org.smpframe.api.TracePoint;
import org.smpframe.data.DataFingerprint;
import org.smpframe.data.LabeledDataset;

/**
 * The state of a Lasso fit right after an evaluation: the λ being fitted, the committed β, where the run and its
 * scheduler are, and every λ of the path already fitted. A fit resumed from it goes on exactly as the uninterrupted
 * one would have (the workers rebuild their residuals from β as the evaluation did).
 *
 * @param stage         index of the λ to fit next (the number of λs of the path when all are fitted)
 * @param beta          the committed coefficients (on the scale the problem is solved in)
 * @param snapshot      the run of this λ so far (rounds, updates, seconds, scheduler state), or null when it has
 *                      not started: the previous λ's run ended and this one starts from its β
 * @param secondsBefore solver seconds of the earlier λs
 * @param roundsBefore  rounds of the earlier λs
 * @param updatesBefore updates of the earlier λs
 * @param done          the earlier λs, in order
 */
public record LassoCheckpoint(int stage, double[] beta, RunSnapshot snapshot, double secondsBefore, long roundsBefore,
                              long updatesBefore, List<DoneStage> done) {
    /** The kind name the checkpoint file records. */
    public static final String KIND = "lasso";

    /** A λ already fitted: what its result is rebuilt from. */
    public record DoneStage(double lambda, double[] beta, RunSummary.StopReason reason, long rounds, long updates,
                            double seconds, TracePoint last) {
    }

    public LassoCheckpoint {
        if (done.size() != stage) {
            throw new IllegalArgumentException(done.size() + " fitted lambdas before stage " + stage);
        }
        done = List.copyOf(done);
    }

    /**
     * What a checkpoint must agree with to be resumed: the data, every option that changes the iterates (λ or the
     * path, scheduler and its settings, pipeline depth, evaluation interval, seed, scaling) and the number of
     * workers. The round and time limits may differ (a run can be extended), and so may the tolerance.
     */
    public static String compatibility(LabeledDataset train, LassoConfig config, int workers) {
        return String.format(Locale.ROOT, "data %s; lambda %s path %d ratio %s; scheduler %s %s; depth %d; eval-every"
                        + " %d; intercept %s standardize %s; seed %d; workers %d", DataFingerprint.of(train),
                config.lambda(), config.pathLength(), config.pathRatio(), config.scheduler(), config.scheduling(),
                config.pipelineDepth(), config.evaluateEvery(), config.intercept(), config.standardize(), config.seed(),
                workers);
    }

    /** Writes the state (the body of a {@link org.smpframe.data.CheckpointFile}). */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(stage);
        writeDoubles(out, beta);
        out.writeBoolean(snapshot != null);
        if (snapshot != null) {
            snapshot.write(out);
        }
        out.writeDouble(secondsBefore);
        out.writeLong(roundsBefore);
        out.writeLong(updatesBefore);
        for (DoneStage d : done) {
            out.writeDouble(d.lambda());
            writeDoubles(out, d.beta());
            out.writeUTF(d.reason().name());
            out.writeLong(d.rounds());
            out.writeLong(d.updates());
            out.writeDouble(d.seconds());
            writePoint(out, d.last());
        }
    }

    /** Reads what {@link #write} wrote; lengths are checked against {@code size}, the file's size. */
    public static LassoCheckpoint read(DataInputStream in, long size) throws IOException {
        int stage = in.readInt();
        if (stage < 0 || stage > size) {
            throw new IOException("stage " + stage);
        }
        double[] beta = readDoubles(in, size);
        RunSnapshot snapshot = in.readBoolean() ? RunSnapshot.read(in, size) : null;
        double secondsBefore = in.readDouble();
        long roundsBefore = in.readLong();
        long updatesBefore = in.readLong();
        List<DoneStage> done = new ArrayList<>();
        for (int s = 0; s < stage; s++) {
            double lambda = in.readDouble();
            double[] b = readDoubles(in, size);
            if (b.length != beta.length) {
                throw new IOException("lambda " + s + " has " + b.length + " coefficients, the current one "
                        + beta.length);
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
        return new LassoCheckpoint(stage, beta, snapshot, secondsBefore, roundsBefore, updatesBefore, done);
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

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in, long size) throws IOException {
        int n = in.readInt();
        if (n < 0 || 8L * n > size) {
            throw new IOException("an array of " + n + " numbers in a file of " + size + " bytes");
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }
}
