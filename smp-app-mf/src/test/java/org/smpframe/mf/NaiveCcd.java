package org.smpframe.mf;

import org.smpframe.data.Ratings;

/**
 * Textbook CCD++ on a single thread with every prediction recomputed from scratch: the reference the scheduled
 * program is checked against. Same column order and starting point as {@link CcdProgram}.
 */
final class NaiveCcd {
    final FactorColumns columns;
    final double lambda;
    final Regularization regularization;
    final double mean;
    final Ratings train;
    final double[] w;
    final double[] h;
    final int[] userCounts;
    final int[] itemCounts;

    NaiveCcd(Ratings train, MfConfig config) {
        this.columns = config.columns();
        this.lambda = config.lambda();
        this.regularization = config.regularization();
        this.mean = config.biases() ? train.mean() : 0;
        this.train = train;
        int cols = columns.count();
        w = new double[train.numUsers() * cols];
        for (int i = 0; i < train.numUsers(); i++) {
            for (int c = 0; c < cols; c++) {
                w[i * cols + c] = columns.learnedInW(c) ? 0 : 1;
            }
        }
        h = InitialFactors.items(train.numItems(), columns, config.initScale(), config.seed());
        userCounts = new int[train.numUsers()];
        itemCounts = new int[train.numItems()];
        for (int r = 0; r < train.size(); r++) {
            userCounts[train.user(r)]++;
            itemCounts[train.item(r)]++;
        }
    }

    double predict(int i, int j) {
        int cols = columns.count();
        double s = mean;
        for (int c = 0; c < cols; c++) {
            s += w[i * cols + c] * h[j * cols + c];
        }
        return s;
    }

    void iterate(int inner) {
        if (columns.biases()) {
            updateUsers(0);
            updateItems(1);
        }
        for (int t = columns.firstFactor(); t < columns.count(); t++) {
            for (int s = 0; s < inner; s++) {
                updateUsers(t);
                updateItems(t);
            }
        }
    }

    private void updateUsers(int t) {
        int cols = columns.count();
        double[] num = new double[train.numUsers()];
        double[] den = new double[train.numUsers()];
        for (int r = 0; r < train.size(); r++) {
            int i = train.user(r);
            int j = train.item(r);
            double ht = h[j * cols + t];
            num[i] += (train.rating(r) - predict(i, j) + w[i * cols + t] * ht) * ht;
            den[i] += ht * ht;
        }
        for (int i = 0; i < num.length; i++) {
            w[i * cols + t] = num[i] / (lambda * regularization.weight(userCounts[i]) + den[i]);
        }
    }

    private void updateItems(int t) {
        int cols = columns.count();
        double[] num = new double[train.numItems()];
        double[] den = new double[train.numItems()];
        for (int r = 0; r < train.size(); r++) {
            int i = train.user(r);
            int j = train.item(r);
            double wt = w[i * cols + t];
            num[j] += (train.rating(r) - predict(i, j) + wt * h[j * cols + t]) * wt;
            den[j] += wt * wt;
        }
        for (int j = 0; j < num.length; j++) {
            h[j * cols + t] = num[j] / (lambda * regularization.weight(itemCounts[j]) + den[j]);
        }
    }

    /** The objective of the current factors, straight from its definition. */
    double objective() {
        return objective(train, columns, mean, w, h, lambda, regularization);
    }

    static double objective(Ratings train, FactorColumns columns, double mean, double[] w, double[] h, double lambda,
                            Regularization regularization) {
        int cols = columns.count();
        int[] uc = new int[train.numUsers()];
        int[] ic = new int[train.numItems()];
        double sse = 0;
        for (int r = 0; r < train.size(); r++) {
            int i = train.user(r);
            int j = train.item(r);
            uc[i]++;
            ic[j]++;
            double pred = mean;
            for (int c = 0; c < cols; c++) {
                pred += w[i * cols + c] * h[j * cols + c];
            }
            double e = train.rating(r) - pred;
            sse += e * e;
        }
        double penalty = 0;
        for (int i = 0; i < uc.length; i++) {
            for (int c = 0; c < cols; c++) {
                if (columns.learnedInW(c)) {
                    penalty += regularization.weight(uc[i]) * w[i * cols + c] * w[i * cols + c];
                }
            }
        }
        for (int j = 0; j < ic.length; j++) {
            for (int c = 0; c < cols; c++) {
                if (columns.learnedInH(c)) {
                    penalty += regularization.weight(ic[j]) * h[j * cols + c] * h[j * cols + c];
                }
            }
        }
        return sse + lambda * penalty;
    }
}
