package org.smpframe.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Writes a {@link LabeledDataset} as LibSVM text that {@link LibSvmReader} reads back to the
 * same labels, qids, values and shape, bit for bit.
 *
 * <p>Format written: {@code label [qid:N] index:value ...} with 1-based indices and {@code \n} line
 * ends. Integral numbers below 1e15 are written as integers ({@code 1}, not {@code 1.0}), which
 * keeps binary labels and count features short and readable by every LibSVM tool; others use
 * {@link Double#toString(double)}, which round-trips exactly. Explicit zeros in the matrix are not
 * written, except that if no row reaches the last column, the first row ends with an explicit
 * {@code numCols:0}: the only way a LibSVM file can state its width, and harmless to other readers.
 *
 * <p>The file is replaced atomically through {@link AtomicFiles}, so a crash never leaves a
 * truncated data set behind.
 */
public final class LibSvmWriter {

    private LibSvmWriter() {
    }

    /**
     * @throws IllegalArgumentException if the data set has no rows (LibSVM cannot represent that)
     *                                  or holds a NaN or infinite label or value (it could not be
     *                                  read back); the target is then left untouched
     * @throws IOException              if writing fails; the target is then left untouched
     */
    public static void write(LabeledDataset d, Path file) throws IOException {
        if (d.numRows() == 0) {
            throw new IllegalArgumentException("cannot write " + d.source()
                    + " as LibSVM: it has no rows, and an empty LibSVM file is not a valid data set");
        }
        AtomicFiles.write(file, w -> writeTo(d, w));
    }

    /** Writes the text to {@code w} without closing it; for callers that manage their own output. */
    public static void writeTo(LabeledDataset d, Writer w) throws IOException {
        CsrMatrix x = d.features();
        double[] labels = d.labels();
        int[] qids = d.qids();
        int maxCol = -1;
        for (int k = 0; k < x.colIdx.length; k++) {
            if (x.values[k] != 0.0 && x.colIdx[k] > maxCol) {
                maxCol = x.colIdx[k];
            }
        }
        boolean declareWidth = maxCol + 1 < x.numCols;

        StringBuilder sb = new StringBuilder(256);
        char[] chars = new char[256];
        for (int i = 0; i < x.numRows; i++) {
            sb.setLength(0);
            double label = labels[i];
            if (!Double.isFinite(label)) {
                throw new IllegalArgumentException("row " + i + " of " + d.source() + " has label " + label
                        + ", which LibSVM text cannot hold");
            }
            appendNumber(sb, label);
            if (qids != null) {
                sb.append(" qid:").append(qids[i]);
            }
            for (int k = x.rowPtr[i], end = x.rowPtr[i + 1]; k < end; k++) {
                double v = x.values[k];
                if (v == 0.0) {
                    continue;
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + i + ", column " + x.colIdx[k] + " of "
                            + d.source() + " has value " + v + ", which LibSVM text cannot hold");
                }
                sb.append(' ').append(x.colIdx[k] + 1).append(':');
                appendNumber(sb, v);
            }
            if (declareWidth && i == 0) {
                sb.append(' ').append(x.numCols).append(":0");
            }
            sb.append('\n');
            int len = sb.length();
            if (len > chars.length) {
                chars = new char[Math.max(len, 2 * chars.length)];
            }
            sb.getChars(0, len, chars, 0);
            w.write(chars, 0, len);
        }
    }

    private static void appendNumber(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            if (v == 0.0 && Double.doubleToRawLongBits(v) != 0L) {
                sb.append("-0"); // keep the sign bit so the round trip is exact
            } else {
                sb.append((long) v);
            }
        } else {
            sb.append(v);
        }
    }
}
