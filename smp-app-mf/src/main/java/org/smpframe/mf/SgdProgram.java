package org.smpframe.mf;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.smpframe.api.Aggregator;
import org.smpframe.api.ChangeSink;
import org.smpframe.api.Evaluation;
import org.smpframe.api.ResidentModel;
import org.smpframe.api.Schedule;
import org.smpframe.api.StateIo;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.WireFormat;
import org.smpframe.api.WorkerTask;
import org.smpframe.data.BalancedRanges;

/**
 * The unscheduled baseline: parallel SGD over user shards where every worker updates any item's factors in its
 * own copy of H and the aggregator adds all workers' changes ({@link SgdWorker}). One round is 1/m of an
 * epoch on every worker (m = merges per epoch); its schedule is the one shared parameter "all of H", since
 * there is nothing to schedule.
 */
public final class SgdProgram implements SmpProgram<ItemRows, ItemRows, MfStats> {
    private final MfProblem problem;
    private final MfConfig config;
    private final FactorColumns columns;
    private final double[] h;
    private final double[] itemWeight;
    private final int[] stamp;
    private final MfObjective objective;
    private int round;
    private int numWorkers;
    private int workersCreated;
    private int[] userBounds;
    private UserFactorParts userParts;
    private double[] initialW;

    public SgdProgram(MfProblem problem, MfConfig config) {
        this.problem = problem;
        this.config = config;
        this.columns = config.columns();
        this.h = InitialFactors.items(problem.numItems, columns, config.initScale(), config.seed());
        this.itemWeight = new double[problem.numItems];
        for (int j = 0; j < problem.numItems; j++) {
            itemWeight[j] = config.regularization().weight(problem.itemCounts[j]);
        }
        this.stamp = new int[problem.numItems];
        this.objective = new MfObjective(config.lambda(), config.tolerance());
    }

    @Override
    public String name() {
        return "mf-sgd";
    }

    /** Rounds of one epoch. */
    public int roundsPerIteration() {
        return config.mergesPerEpoch();
    }

    @Override
    public int numParameters() {
        return 1;
    }

    @Override
    public void partition(int p) {
        if (numWorkers == p) {
            return;
        }
        if (numWorkers != 0) {
            throw new IllegalStateException("already split for " + numWorkers + " workers, not " + p);
        }
        numWorkers = p;
        userBounds = BalancedRanges.of(problem.userCounts, p);
        userParts = new UserFactorParts(p);
    }

    @Override
    public WorkerTask<ItemRows, ItemRows, MfStats> createWorker(int worker, int numWorkers) {
        partition(numWorkers);
        if (workersCreated == numWorkers) {
            throw new IllegalStateException("an SgdProgram runs in one session: its workers hold the user factors; "
                    + "create a new program for a new session");
        }
        workersCreated++;
        if (initialW == null) {
            initialW = InitialFactors.users(problem.numUsers, columns, config.initScale(), config.seed());
        }
        return new SgdWorker(worker, userBounds[worker], userBounds[worker + 1] - userBounds[worker], problem,
                config, initialW, h);
    }

    @Override
    public ResidentModel<UserFactors> residentModel() {
        if (userParts == null) {
            throw new IllegalStateException("the layout is fixed when the workers are created");
        }
        return userParts;
    }

    /** The model as of the end of the last run. */
    public MfModel model() {
        int cols = columns.count();
        return new MfModel(columns, config.biases() ? problem.mean : 0, userParts.rowMajor(problem.numUsers, cols),
                h.clone(), problem.userIds, problem.itemIds);
    }

    @Override
    public Aggregator<ItemRows, ItemRows, MfStats> aggregator() {
        return new Aggregator<>() {
            @Override
            public ItemRows pull(Schedule schedule, List<ItemRows> partials, ChangeSink changes) {
                int cols = columns.count();
                round++;
                int n = 0;
                int[] merged = new int[16];
                for (ItemRows delta : partials) {
                    int[] items = delta.items();
                    double[] values = delta.values();
                    for (int t = 0; t < items.length; t++) {
                        int j = items[t];
                        for (int c = 0; c < cols; c++) {
                            h[j * cols + c] += values[t * cols + c];
                        }
                        if (stamp[j] != round) {
                            stamp[j] = round;
                            if (n == merged.length) {
                                merged = Arrays.copyOf(merged, n * 2);
                            }
                            merged[n++] = j;
                        }
                    }
                }
                int[] items = Arrays.copyOf(merged, n);
                double[] values = new double[n * cols];
                for (int t = 0; t < n; t++) {
                    System.arraycopy(h, items[t] * cols, values, t * cols, cols);
                }
                return new ItemRows(cols, items, values);
            }

            @Override
            public Evaluation evaluate(List<MfStats> stats) {
                return objective.evaluate(stats, itemPenalty());
            }

            // H as merged so far and the merge count. The stamps need not be saved: they only tell this round's
            // merged rows from earlier ones, and zeros do that as well.
            @Override
            public void saveState(DataOutput out) throws IOException {
                StateIo.writeDoubles(out, h);
                out.writeInt(round);
                objective.saveState(out);
            }

            @Override
            public void restoreState(DataInput in) throws IOException {
                StateIo.readDoubles(in, h, "the item factors");
                round = in.readInt();
                Arrays.fill(stamp, 0);
                objective.restoreState(in);
            }
        };
    }

    private double itemPenalty() {
        int cols = columns.count();
        double total = 0;
        for (int j = 0; j < problem.numItems; j++) {
            for (int c = 0; c < cols; c++) {
                if (columns.learnedInH(c)) {
                    double v = h[j * cols + c];
                    total += itemWeight[j] * v * v;
                }
            }
        }
        return total;
    }

    @Override
    public WireFormat<ItemRows> partialFormat() {
        return ItemRows.FORMAT;
    }

    @Override
    public WireFormat<ItemRows> commitFormat() {
        return ItemRows.FORMAT;
    }

    @Override
    public WireFormat<MfStats> statsFormat() {
        return MfStats.FORMAT;
    }
}
