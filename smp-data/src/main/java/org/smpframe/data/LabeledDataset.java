package org.smpframe.data;

import java.util.Arrays;

/**
 * A supervised data set: one feature row, one label and optionally one query id per example.
 *
 * <p>Arrays are shared, not copied, and immutable by convention like those of {@link CsrMatrix}.
 * Being a record over arrays, {@code equals} compares the arrays by identity.
 *
 * @param source   where the data came from (a file name), for messages
 * @param features one row per example
 * @param labels   one label per example
 * @param qids     one query id per example for ranking data, or {@code null} when the file had none
 */
public record LabeledDataset(String source, CsrMatrix features, double[] labels, int[] qids) {

    public LabeledDataset {
        if (features == null || labels == null) {
            throw new IllegalArgumentException("features and labels are required");
        }
        if (labels.length != features.numRows) {
            throw new IllegalArgumentException(
                    labels.length + " labels for " + features.numRows + " feature rows");
        }
        if (qids != null && qids.length != features.numRows) {
            throw new IllegalArgumentException(qids.length + " qids for " + features.numRows + " feature rows");
        }
    }

    public int numRows() {
        return features.numRows;
    }

    public int numFeatures() {
        return features.numCols;
    }

    /** Examples {@code [from, to)}, copied. */
    public LabeledDataset rowSlice(int from, int to) {
        CsrMatrix f = features.rowSlice(from, to);
        return new LabeledDataset(source, f, Arrays.copyOfRange(labels, from, to),
                qids == null ? null : Arrays.copyOfRange(qids, from, to));
    }

    /** The same examples in a column space of width {@code n >= numFeatures()}, sharing the arrays. */
    public LabeledDataset withNumFeatures(int n) {
        CsrMatrix f = features.withNumCols(n);
        return f == features ? this : new LabeledDataset(source, f, labels, qids);
    }

    @Override
    public String toString() {
        return "LabeledDataset[" + source + ": " + numRows() + " rows x " + numFeatures() + " features, nnz="
                + features.nnz() + (qids != null ? ", with qids" : "") + "]";
    }
}
