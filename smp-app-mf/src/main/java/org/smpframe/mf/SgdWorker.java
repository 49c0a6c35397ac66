package org.smpframe.mf;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.smpframe.api.ResidentHolder;
import org.smpframe.api.Schedule;
import org.smpframe.api.StateIo;
import org.smpframe.api.WorkerTask;

/**
 * A worker of the unscheduled SGD baseline: owns a shard of users with their factors and ratings, and a full
 * copy of H that it updates freely while it sweeps its ratings in a shuffled order; every round it pushes the
 * changes of the item rows it touched and adopts the merged rows. Nothing stops two workers from moving the
 * same item at once: their changes are simply added (the Hogwild assumption that collisions are rare and
 * harmless).
 */
final class SgdWorker implements WorkerTask<ItemRows, ItemRows, MfStats>, ResidentHolder<UserFactors> {
    private final int worker;
    private final int firstUser;
    private final int numUsers;
    private final FactorColumns columns;
    private final MfConfig config;
    private final double mean;
    private final int[] user;
    private final int[] item;
    private final float[] rating;
    private final int[] testUser;
    private final int[] testItem;
    private final float[] testRating;
    private final double[] userLambda;
    private final double[] itemLambda;
    private final double[] userWeight;
    private final double[] w;
    private final double[] h;
    private final int[] order;
    private final int[] touchedStamp;
    private int[] touched = new int[64];
    private double[] base = new double[64];
    private int numTouched;
    private int stamp;
    private long orderEpoch = -1;
    private long roundsDone;

    SgdWorker(int worker, int firstUser, int numUsers, MfProblem problem, MfConfig config, double[] initialW,
              double[] initialH) {
        this.worker = worker;
        this.firstUser = firstUser;
        this.numUsers = numUsers;
        this.columns = config.columns();
        this.config = config;
        this.mean = config.biases() ? problem.mean : 0;
        int end = firstUser + numUsers;
        int n = 0;
        for (int u : problem.users) {
            n += u >= firstUser && u < end ? 1 : 0;
        }
        user = new int[n];
        item = new int[n];
        rating = new float[n];
        int k = 0;
        for (int r = 0; r < problem.users.length; r++) {
            int u = problem.users[r];
            if (u >= firstUser && u < end) {
                user[k] = u - firstUser;
                item[k] = problem.items[r];
                rating[k++] = problem.values[r];
            }
        }
        int nt = 0;
        for (int u : problem.testUsers) {
            nt += u >= firstUser && u < end ? 1 : 0;
        }
        testUser = new int[nt];
        testItem = new int[nt];
        testRating = new float[nt];
        k = 0;
        for (int r = 0; r < problem.testUsers.length; r++) {
            int u = problem.testUsers[r];
            if (u >= firstUser && u < end) {
                testUser[k] = u - firstUser;
                testItem[k] = problem.testItems[r];
                testRating[k++] = problem.testValues[r];
            }
        }
        // Σ over ratings of λ_u‖w_u‖² + λ_j‖h_j‖² must equal the penalty: weighted form λ per rating,
        // plain form λ spread over the user's (item's) ratings.
        userLambda = new double[numUsers];
        userWeight = new double[numUsers];
        for (int i = 0; i < numUsers; i++) {
            int count = problem.userCounts[firstUser + i];
            userWeight[i] = config.regularization().weight(count);
            userLambda[i] = count == 0 ? 0 : config.lambda() * userWeight[i] / count;
        }
        itemLambda = new double[problem.numItems];
        for (int j = 0; j < problem.numItems; j++) {
            int count = problem.itemCounts[j];
            itemLambda[j] = count == 0 ? 0 : config.lambda() * config.regularization().weight(count) / count;
        }
        int cols = columns.count();
        w = java.util.Arrays.copyOfRange(initialW, firstUser * cols, (firstUser + numUsers) * cols);
        h = initialH.clone();
        order = new int[n];
        touchedStamp = new int[problem.numItems];
    }

    @Override
    public ItemRows push(Schedule schedule) {
        long round = schedule.round();
        int merges = config.mergesPerEpoch();
        long epoch = round / merges;
        int part = (int) (round % merges);
        if (epoch != orderEpoch) {
            shuffle(epoch);
        }
        double eta = config.learningRate() / (1 + config.decay() * Math.pow(epoch, 1.5));
        int from = (int) ((long) order.length * part / merges);
        int to = (int) ((long) order.length * (part + 1) / merges);
        int cols = columns.count();
        stamp++;
        numTouched = 0;
        for (int k = from; k < to; k++) {
            int r = order[k];
            int i = user[r];
            int j = item[r];
            int wo = i * cols;
            int ho = j * cols;
            if (touchedStamp[j] != stamp) {
                remember(j, ho, cols);
            }
            double pred = mean;
            for (int c = 0; c < cols; c++) {
                pred += w[wo + c] * h[ho + c];
            }
            double e = rating[r] - pred;
            double lu = userLambda[i];
            double li = itemLambda[j];
            for (int c = 0; c < cols; c++) {
                double wc = w[wo + c];
                double hc = h[ho + c];
                if (columns.learnedInW(c)) {
                    w[wo + c] = wc + eta * (e * hc - lu * wc);
                }
                if (columns.learnedInH(c)) {
                    h[ho + c] = hc + eta * (e * wc - li * hc);
                }
            }
        }
        roundsDone = round + 1;
        int[] items = Arrays.copyOf(touched, numTouched);
        double[] delta = new double[numTouched * cols];
        for (int t = 0; t < numTouched; t++) {
            int ho = touched[t] * cols;
            for (int c = 0; c < cols; c++) {
                delta[t * cols + c] = h[ho + c] - base[t * cols + c];
            }
        }
        return new ItemRows(cols, items, delta);
    }

    private void remember(int j, int ho, int cols) {
        touchedStamp[j] = stamp;
        if (numTouched == touched.length) {
            touched = Arrays.copyOf(touched, numTouched * 2);
        }
        if ((numTouched + 1) * cols > base.length) {
            base = Arrays.copyOf(base, Math.max(base.length * 2, (numTouched + 1) * cols));
        }
        touched[numTouched] = j;
        System.arraycopy(h, ho, base, numTouched * cols, cols);
        numTouched++;
    }

    /** A fresh order of this worker's ratings for every epoch, fixed by seed, worker and epoch. */
    private void shuffle(long epoch) {
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        SplittableRandom rng = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + worker * 31L + epoch);
        for (int k = order.length - 1; k > 0; k--) {
            int o = rng.nextInt(k + 1);
            int t = order[k];
            order[k] = order[o];
            order[o] = t;
        }
        orderEpoch = epoch;
    }

    @Override
    public void apply(ItemRows merged) {
        int cols = columns.count();
        int[] items = merged.items();
        for (int t = 0; t < items.length; t++) {
            System.arraycopy(merged.values(), t * cols, h, items[t] * cols, cols);
        }
    }

    /**
     * The factors and where the sweep is. The shuffled order follows from the epoch, and the touched-row stamps
     * only need to differ from the next round's, as a fresh array does.
     */
    @Override
    public void saveState(DataOutput out) throws IOException {
        StateIo.writeDoubles(out, w);
        StateIo.writeDoubles(out, h);
        out.writeLong(orderEpoch);
        out.writeLong(roundsDone);
    }

    @Override
    public void restoreState(DataInput in) throws IOException {
        StateIo.readDoubles(in, w, "the user factors");
        StateIo.readDoubles(in, h, "the item factors");
        long epoch = in.readLong();
        roundsDone = in.readLong();
        if (epoch < -1 || roundsDone < 0) {
            throw new IOException("epoch " + epoch + ", rounds " + roundsDone);
        }
        orderEpoch = -1;
        if (epoch >= 0) {
            shuffle(epoch);
        }
        Arrays.fill(touchedStamp, 0);
        stamp = 0;
    }

    @Override
    public MfStats localStats() {
        int cols = columns.count();
        double sse = sse(user, item, rating, cols);
        double testSse = sse(testUser, testItem, testRating, cols);
        double penalty = 0;
        for (int i = 0; i < numUsers; i++) {
            for (int c = 0; c < cols; c++) {
                if (columns.learnedInW(c)) {
                    double v = w[i * cols + c];
                    penalty += userWeight[i] * v * v;
                }
            }
        }
        return new MfStats(roundsDone / config.mergesPerEpoch(), sse, user.length, testSse, testUser.length,
                penalty, 0);
    }

    private double sse(int[] us, int[] is, float[] rs, int cols) {
        double total = 0;
        for (int r = 0; r < us.length; r++) {
            int wo = us[r] * cols;
            int ho = is[r] * cols;
            double pred = mean;
            for (int c = 0; c < cols; c++) {
                pred += w[wo + c] * h[ho + c];
            }
            double e = rs[r] - pred;
            total += e * e;
        }
        return total;
    }

    @Override
    public UserFactors residentPart() {
        int cols = columns.count();
        double[] colMajor = new double[numUsers * cols];
        for (int i = 0; i < numUsers; i++) {
            for (int c = 0; c < cols; c++) {
                colMajor[c * numUsers + i] = w[i * cols + c];
            }
        }
        return new UserFactors(firstUser, numUsers, cols, colMajor);
    }
}
