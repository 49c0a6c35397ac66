package org.smpframe.data;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * A short text that names a data set's content: its shape and a CRC-32C of every index, value and label (of
 * every document boundary and word id for a corpus). A
 * checkpoint records it so that a run is never resumed on other data (the same file name with other content, a
 * different --test split taken from it, another feature count).
 */
public final class DataFingerprint {
    private DataFingerprint() {
    }

    public static String of(LabeledDataset data) {
        CsrMatrix x = data.features();
        CRC32C crc = new CRC32C();
        ByteBuffer buf = ByteBuffer.allocate(8 * 1024);
        for (int[] a : new int[][] {x.rowPtr, x.colIdx}) {
            for (int v : a) {
                buf = flushIfFull(crc, buf, 4);
                buf.putInt(v);
            }
        }
        for (double[] a : new double[][] {x.values, data.labels()}) {
            for (double v : a) {
                buf = flushIfFull(crc, buf, 8);
                buf.putLong(Double.doubleToLongBits(v));
            }
        }
        crc.update(buf.flip());
        return String.format(Locale.ROOT, "%d rows %d features %d nonzeros crc %08x", data.numRows(),
                data.numFeatures(), x.nnz(), crc.getValue());
    }

    /** The fingerprint of ratings (users, items and values, in file order; null for none). */
    public static String of(Ratings ratings) {
        if (ratings == null) {
            return "none";
        }
        CRC32C crc = new CRC32C();
        ByteBuffer buf = ByteBuffer.allocate(8 * 1024);
        for (int i = 0; i < ratings.size(); i++) {
            buf = flushIfFull(crc, buf, 12);
            buf.putInt(ratings.user(i)).putInt(ratings.item(i)).putFloat(ratings.rating(i));
        }
        crc.update(buf.flip());
        return String.format(Locale.ROOT, "%d ratings of %d users %d items crc %08x", ratings.size(),
                ratings.numUsers(), ratings.numItems(), crc.getValue());
    }

    /** The fingerprint of a corpus (its document boundaries and word ids, in order). */
    public static String of(Corpus corpus) {
        CRC32C crc = new CRC32C();
        ByteBuffer buf = ByteBuffer.allocate(8 * 1024);
        for (int[] a : new int[][] {corpus.docPtr(), corpus.words()}) {
            for (int v : a) {
                buf = flushIfFull(crc, buf, 4);
                buf.putInt(v);
            }
        }
        crc.update(buf.flip());
        return String.format(Locale.ROOT, "%d docs %d tokens %d words crc %08x", corpus.numDocs(),
                corpus.numTokens(), corpus.vocabularySize(), crc.getValue());
    }

    private static ByteBuffer flushIfFull(CRC32C crc, ByteBuffer buf, int need) {
        if (buf.remaining() < need) {
            crc.update(buf.flip());
            buf.clear();
        }
        return buf;
    }
}
