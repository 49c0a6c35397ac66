package org.smpframe.mf;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.smpframe.api.BlockHolder;
import org.smpframe.api.ResidentHolder;
import org.smpframe.api.Schedule;
import org.smpframe.api.StateIo;
import org.smpframe.api.WorkerTask;

/**
 * A CCD++ worker of the rotation: owns a shard of users, their factors (column-major) and the residuals of their
 * training ratings, cut into one cell per item block; each round it works on the cells of the blocks it holds.
 *
 * <p>Residuals: a cell keeps R̂ = r − μ − Σ_{s≠t} wₛhₛ for the column t it last worked on (the residual with
 * column t's product added back, which is what CCD++ updates column t against); the first visit of a cell for a
 * new column switches it, fused with the cycle's sums, so there is no separate pass. A U cycle sums
 * Σⱼ R̂ᵢⱼhⱼₜ and Σⱼ hⱼₜ² for every user and solves wᵢₜ once it has met every block; a V cycle adds the same sums
 * per item into the travelling block.
 */
final class CcdWorker implements WorkerTask<RatingCount, RatingCount, MfStats>, BlockHolder<ItemBlock>,
        ResidentHolder<UserFactors> {
    private final int worker;
    private final int numWorkers;
    private final int firstUser;
    private final int numUsers;
    private final FactorColumns columns;
    private final CyclePlan plan;
    private final double lambda;
    private final double[] userWeight;
    private final double mean;
    private final double[] w;
    private final LocalCsr[] train;
    private final LocalCsr[] test;
    private final int[] cellColumn;
    private final ItemBlock[] held;
    private final double[] sumRw;
    private final double[] sumH2;
    private final long trainCount;
    private final long testCount;
    private double trainSse;
    private double testSse;
    private double itemPenalty;
    private MfStats stats = MfStats.NONE;

    CcdWorker(int worker, int numWorkers, int firstUser, int numUsers, FactorColumns columns, CyclePlan plan, double lambda,
              double[] userWeight, double mean, LocalCsr[] train, LocalCsr[] test) {
        this.worker = worker;
        this.numWorkers = numWorkers;
        this.firstUser = firstUser;
        this.numUsers = numUsers;
        this.columns = columns;
        this.plan = plan;
        this.lambda = lambda;
        this.userWeight = userWeight;
        this.mean = mean;
        this.w = new double[columns.count() * numUsers];
        for (int c = 0; c < columns.count(); c++) {
            if (!columns.learnedInW(c)) {
                Arrays.fill(w, c * numUsers, (c + 1) * numUsers, 1.0);
            }
        }
        this.train = train;
        this.test = test;
        long n = 0;
        long nt = 0;
        for (int b = 0; b < train.length; b++) {
            float[] v = train[b].value;
            for (int k = 0; k < v.length; k++) {
                v[k] -= (float) mean; // residual of the all-zero factors: r − μ
            }
            n += v.length;
            nt += test[b].size();
        }
        this.trainCount = n;
        this.testCount = nt;
        this.cellColumn = new int[train.length];
        Arrays.fill(cellColumn, -1);
        this.held = new ItemBlock[train.length];
        this.sumRw = new double[numUsers];
        this.sumH2 = new double[numUsers];
    }

    @Override
    public void receive(int block, ItemBlock state) {
        held[block] = state;
    }

    @Override
    public ItemBlock release(int block) {
        ItemBlock b = held[block];
        held[block] = null;
        return b;
    }

    @Override
    public RatingCount push(Schedule schedule) {
        long round = schedule.round();
        long cycle = round / numWorkers;
        int step = (int) (round % numWorkers);
        int inPlan = (int) (cycle % plan.length());
        int column = plan.column(inPlan);
        boolean updatesH = plan.updatesH(inPlan);
        boolean measuring = inPlan == plan.length() - 1;
        boolean lastStep = step == numWorkers - 1;
        if (measuring && step == 0) {
            trainSse = 0;
            testSse = 0;
            itemPenalty = 0;
        }
        if (!updatesH && step == 0) {
            // A cycle starts from zero sums, also after a run that stopped part-way through one.
            Arrays.fill(sumRw, 0);
            Arrays.fill(sumH2, 0);
        }
        long visited = 0;
        int[] blocks = schedule.params();
        for (int i = schedule.from(worker); i < schedule.to(worker); i++) {
            int b = blocks[i];
            ItemBlock block = held[b];
            visited += train[b].size();
            if (updatesH) {
                if (step == 0) {
                    block.startSums(measuring);
                }
                sumIntoBlock(b, block, column, measuring);
                if (lastStep) {
                    solveBlock(block, column, measuring);
                }
            } else {
                sumForUsers(b, block, column);
            }
        }
        if (!updatesH && lastStep) {
            solveUsers(column);
        }
        if (measuring && lastStep) {
            stats = new MfStats(cycle / plan.length() + 1, trainSse, trainCount, testSse, testCount,
                    userPenalty(), itemPenalty);
        }
        return new RatingCount(visited);
    }

    /** Switches cell b's residuals from the column it was last used for to column t. */
    private void switchCell(int b, ItemBlock block, int t) {
        int prev = cellColumn[b];
        if (prev == t) {
            return;
        }
        LocalCsr cell = train[b];
        int[] rowPtr = cell.rowPtr;
        int[] item = cell.item;
        float[] res = cell.value;
        double[] h = block.h;
        int nb = block.size;
        int tw = t * numUsers;
        int th = t * nb;
        if (prev < 0) {
            for (int i = 0; i < numUsers; i++) {
                double wt = w[tw + i];
                for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                    res[k] += (float) (wt * h[th + item[k]]);
                }
            }
        } else {
            int pw = prev * numUsers;
            int ph = prev * nb;
            for (int i = 0; i < numUsers; i++) {
                double wt = w[tw + i];
                double wp = w[pw + i];
                for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                    int j = item[k];
                    res[k] += (float) (wt * h[th + j] - wp * h[ph + j]);
                }
            }
        }
        cellColumn[b] = t;
    }

    private void sumForUsers(int b, ItemBlock block, int t) {
        switchCell(b, block, t);
        LocalCsr cell = train[b];
        int[] rowPtr = cell.rowPtr;
        int[] item = cell.item;
        float[] res = cell.value;
        double[] h = block.h;
        int th = t * block.size;
        for (int i = 0; i < numUsers; i++) {
            double rw = 0;
            double h2 = 0;
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                double hj = h[th + item[k]];
                rw += res[k] * hj;
                h2 += hj * hj;
            }
            sumRw[i] += rw;
            sumH2[i] += h2;
        }
    }

    private void solveUsers(int t) {
        int tw = t * numUsers;
        for (int i = 0; i < numUsers; i++) {
            double d = lambda * userWeight[i] + sumH2[i];
            w[tw + i] = d > 0 ? sumRw[i] / d : 0;
        }
    }

    private void sumIntoBlock(int b, ItemBlock block, int t, boolean measuring) {
        switchCell(b, block, t);
        LocalCsr cell = train[b];
        int[] rowPtr = cell.rowPtr;
        int[] item = cell.item;
        float[] res = cell.value;
        double[] num = block.num;
        double[] den = block.den;
        double[] sq = block.sq;
        int tw = t * numUsers;
        for (int i = 0; i < numUsers; i++) {
            double wt = w[tw + i];
            double w2 = wt * wt;
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                int j = item[k];
                double r = res[k];
                num[j] += r * wt;
                den[j] += w2;
                sq[j] += r * r;
            }
        }
        if (measuring) {
            sumTestIntoBlock(b, block, t);
        }
    }

    /** Test residuals without column t, from scratch (the model changed since they were last seen). */
    private void sumTestIntoBlock(int b, ItemBlock block, int t) {
        LocalCsr cell = test[b];
        int[] rowPtr = cell.rowPtr;
        int[] item = cell.item;
        float[] rating = cell.value;
        double[] h = block.h;
        int nb = block.size;
        int cols = columns.count();
        int tw = t * numUsers;
        for (int i = 0; i < numUsers; i++) {
            double wt = w[tw + i];
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                int j = item[k];
                double pred = mean;
                for (int c = 0; c < cols; c++) {
                    if (c != t) {
                        pred += w[c * numUsers + i] * h[c * nb + j];
                    }
                }
                double r = rating[k] - pred;
                block.testNum[j] += r * wt;
                block.testDen[j] += wt * wt;
                block.testSq[j] += r * r;
            }
        }
    }

    /**
     * Solves column t of the block (every worker has added its users' sums) and, in the measuring cycle, adds the
     * exact loss of the new values: Σᵢ(R̂ᵢⱼ − wᵢₜh)² = Σ R̂² − 2h Σ R̂w + h² Σ w².
     */
    private void solveBlock(ItemBlock block, int t, boolean measuring) {
        double[] h = block.h;
        int th = t * block.size;
        for (int j = 0; j < block.size; j++) {
            double d = lambda * block.weight[j] + block.den[j];
            double v = d > 0 ? block.num[j] / d : 0;
            h[th + j] = v;
            if (measuring) {
                trainSse += block.sq[j] - 2 * v * block.num[j] + v * v * block.den[j];
                testSse += block.testSq[j] - 2 * v * block.testNum[j] + v * v * block.testDen[j];
            }
        }
        if (measuring) {
            itemPenalty += penalty(h, block.weight, block.size, false);
        }
        block.endSums();
    }

    private double userPenalty() {
        return penalty(w, userWeight, numUsers, true);
    }

    private double penalty(double[] f, double[] weight, int n, boolean userSide) {
        double total = 0;
        for (int c = 0; c < columns.count(); c++) {
            if (userSide ? !columns.learnedInW(c) : !columns.learnedInH(c)) {
                continue;
            }
            int off = c * n;
            for (int i = 0; i < n; i++) {
                double v = f[off + i];
                total += weight[i] * v * v;
            }
        }
        return total;
    }

    @Override
    public void apply(RatingCount commit) {
        // The model moves with the blocks; nothing to bring up to date.
    }

    /**
     * The user factors, every cell's residuals as they are (floats, updated in place) and the column they were
     * last switched to, the cycle's sums and the measurements in progress. The item blocks are saved by the
     * runtime, which holds them between rounds.
     */
    @Override
    public void saveState(DataOutput out) throws IOException {
        StateIo.writeDoubles(out, w);
        for (LocalCsr[] cells : new LocalCsr[][] {train, test}) {
            for (LocalCsr cell : cells) {
                StateIo.writeFloats(out, cell.value);
            }
        }
        StateIo.writeInts(out, cellColumn);
        StateIo.writeDoubles(out, sumRw);
        StateIo.writeDoubles(out, sumH2);
        out.writeDouble(trainSse);
        out.writeDouble(testSse);
        out.writeDouble(itemPenalty);
        ByteBuffer b = ByteBuffer.allocate(MfStats.FORMAT.encodedSize(stats));
        MfStats.FORMAT.write(stats, b);
        out.writeInt(b.capacity());
        out.write(b.array());
    }

    @Override
    public void restoreState(DataInput in) throws IOException {
        StateIo.readDoubles(in, w, "the user factors");
        for (LocalCsr[] cells : new LocalCsr[][] {train, test}) {
            for (LocalCsr cell : cells) {
                StateIo.readFloats(in, cell.value, "a cell's residuals");
            }
        }
        StateIo.readInts(in, cellColumn, "the cells' columns");
        StateIo.readDoubles(in, sumRw, "the user sums");
        StateIo.readDoubles(in, sumH2, "the user sums");
        trainSse = in.readDouble();
        testSse = in.readDouble();
        itemPenalty = in.readDouble();
        int n = in.readInt();
        if (n < 0 || n > 1 << 16) {
            throw new IOException("statistics of " + n + " bytes");
        }
        byte[] encoded = new byte[n];
        in.readFully(encoded);
        try {
            stats = MfStats.FORMAT.read(ByteBuffer.wrap(encoded));
        } catch (RuntimeException e) {
            throw new IOException("the statistics cannot be decoded: " + e.getMessage(), e);
        }
    }

    @Override
    public MfStats localStats() {
        return stats;
    }

    @Override
    public UserFactors residentPart() {
        return new UserFactors(firstUser, numUsers, columns.count(), w.clone());
    }
}
