package org.smpframe.mf;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.smpframe.api.Aggregator;
import org.smpframe.api.ChangeSink;
import org.smpframe.api.Evaluation;
import org.smpframe.api.MovingBlocks;
import org.smpframe.api.ParkedBlocks;
import org.smpframe.api.ResidentModel;
import org.smpframe.api.Schedule;
import org.smpframe.api.SmpProgram;
import org.smpframe.api.WireFormat;
import org.smpframe.api.WorkerTask;
import org.smpframe.data.BalancedRanges;

/**
 * CCD++ matrix factorization on the rotation schedule. Users are sharded across workers (balanced by ratings);
 * items are cut into P·m blocks (balanced by ratings) that the {@code rotation} scheduler moves around the
 * ring. The user factors stay on their worker ({@link ResidentModel}), the item factors travel with their block
 * ({@link MovingBlocks}); the aggregator only adds up the statistics. One outer iteration is
 * {@link CyclePlan#length()} cycles of P rounds.
 */
public final class CcdProgram implements SmpProgram<RatingCount, RatingCount, MfStats> {
    private final MfProblem problem;
    private final MfConfig config;
    private final FactorColumns columns;
    private final CyclePlan plan;
    private final MfObjective objective;
    private int numWorkers;
    private int workersCreated;
    private int[] userBounds;
    private int[] itemBounds;
    private int[] blockOfItem;
    private ParkedBlocks<ItemBlock> home;
    private UserFactorParts userParts;

    public CcdProgram(MfProblem problem, MfConfig config) {
        this.problem = problem;
        this.config = config;
        this.columns = config.columns();
        this.plan = new CyclePlan(columns, config.innerIterations());
        this.objective = new MfObjective(config.lambda(), config.tolerance());
    }

    @Override
    public String name() {
        return "mf-ccd";
    }

    /** Rounds of one outer iteration on {@code numWorkers} workers. */
    public int roundsPerIteration(int numWorkers) {
        return plan.length() * numWorkers;
    }

    @Override
    public int numParameters() {
        requireLayout();
        return home.count();
    }

    @Override
    public WorkerTask<RatingCount, RatingCount, MfStats> createWorker(int worker, int numWorkers) {
        partition(numWorkers);
        if (workersCreated >= numWorkers) {
            throw new IllegalStateException("a CcdProgram runs in one session: its workers hold the user factors "
                    + "and residuals; create a new program for a new session");
        }
        workersCreated++;
        int first = userBounds[worker];
        int count = userBounds[worker + 1] - first;
        double[] userWeight = new double[count];
        for (int i = 0; i < count; i++) {
            userWeight[i] = config.regularization().weight(problem.userCounts[first + i]);
        }
        LocalCsr[] train = LocalCsr.cells(problem.users, problem.items, problem.values, first, count, blockOfItem,
                itemBounds, home.count());
        LocalCsr[] test = LocalCsr.cells(problem.testUsers, problem.testItems, problem.testValues, first, count,
                blockOfItem, itemBounds, home.count());
        return new CcdWorker(worker, numWorkers, first, count, columns, plan, config.lambda(), userWeight,
                config.biases() ? problem.mean : 0, train, test);
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
        int numBlocks = Math.max(1, Math.min(problem.numItems, p * config.blocksPerWorker()));
        itemBounds = BalancedRanges.of(problem.itemCounts, numBlocks);
        blockOfItem = new int[problem.numItems];
        for (int b = 0; b < numBlocks; b++) {
            for (int j = itemBounds[b]; j < itemBounds[b + 1]; j++) {
                blockOfItem[j] = b;
            }
        }
        double[] h = InitialFactors.items(problem.numItems, columns, config.initScale(), config.seed());
        ItemBlock[] blocks = new ItemBlock[numBlocks];
        int cols = columns.count();
        for (int b = 0; b < numBlocks; b++) {
            int first = itemBounds[b];
            int size = itemBounds[b + 1] - first;
            double[] hb = new double[cols * size];
            double[] weight = new double[size];
            for (int j = 0; j < size; j++) {
                for (int c = 0; c < cols; c++) {
                    hb[c * size + j] = h[(first + j) * cols + c];
                }
                weight[j] = config.regularization().weight(problem.itemCounts[first + j]);
            }
            blocks[b] = new ItemBlock(b, first, size, cols, hb, weight);
        }
        home = new ParkedBlocks<>(blocks, ItemBlock.FORMAT, "item block");
        userParts = new UserFactorParts(p);
    }

    private void requireLayout() {
        if (home == null) {
            throw new IllegalStateException("the layout is fixed when the workers are created");
        }
    }

    @Override
    public MovingBlocks<ItemBlock> movingBlocks() {
        requireLayout();
        return home;
    }

    @Override
    public ResidentModel<UserFactors> residentModel() {
        requireLayout();
        return userParts;
    }

    /** The model as of the end of the last run (both factor matrices row-major). */
    public MfModel model() {
        requireLayout();
        int cols = columns.count();
        double[] w = userParts.rowMajor(problem.numUsers, cols);
        double[] h = new double[problem.numItems * cols];
        for (int block = 0; block < home.count(); block++) {
            ItemBlock b = home.get(block);
            for (int j = 0; j < b.size; j++) {
                for (int c = 0; c < cols; c++) {
                    h[(b.firstItem + j) * cols + c] = b.h[c * b.size + j];
                }
            }
        }
        return new MfModel(columns, config.biases() ? problem.mean : 0, w, h, problem.userIds, problem.itemIds);
    }

    @Override
    public Aggregator<RatingCount, RatingCount, MfStats> aggregator() {
        return new Aggregator<>() {
            @Override
            public RatingCount pull(Schedule schedule, List<RatingCount> partials, ChangeSink changes) {
                long n = 0;
                for (RatingCount c : partials) {
                    n += c.ratings();
                }
                return new RatingCount(n);
            }

            @Override
            public Evaluation evaluate(List<MfStats> stats) {
                return objective.evaluate(stats, 0);
            }

            // The model is in the blocks and the workers; the aggregator only remembers the last objective.
            @Override
            public void saveState(DataOutput out) throws IOException {
                objective.saveState(out);
            }

            @Override
            public void restoreState(DataInput in) throws IOException {
                objective.restoreState(in);
            }
        };
    }

    @Override
    public WireFormat<RatingCount> partialFormat() {
        return RatingCount.FORMAT;
    }

    @Override
    public WireFormat<RatingCount> commitFormat() {
        return RatingCount.FORMAT;
    }

    @Override
    public WireFormat<MfStats> statsFormat() {
        return MfStats.FORMAT;
    }
}
