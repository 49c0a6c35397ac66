package org.smpframe.lda;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * One block of the vocabulary as it travels around the rotation ring: the sparse topic counts n_wk of a
 * contiguous range of words. Only the nonzero entries travel.
 */
public final class WordBlock {
    public static final int FORMAT_VERSION = 1;

    final int block;
    final TopicRows rows;

    WordBlock(int block, TopicRows rows) {
        this.block = block;
        this.rows = rows;
    }

    /**
     * Binary layout (big-endian): int version, int block, int firstWord, int topicBits, double logGammaSum,
     * int[] capacity (one per word), int[] nonzeros (one per word), int[] entries (the packed nonzero entries of
     * every word, in order).
     */
    public static final WireFormat<WordBlock> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(WordBlock b) {
            int words = b.rows.size();
            long entries = 0;
            for (int i = 0; i < words; i++) {
                entries += b.rows.nonzeros(i);
            }
            return (int) (4 * 4 + 8 + 3 * 4 + 4L * (2L * words + entries));
        }

        @Override
        public void write(WordBlock b, ByteBuffer out) {
            TopicRows rows = b.rows;
            int words = rows.size();
            out.putInt(FORMAT_VERSION);
            out.putInt(b.block);
            out.putInt(rows.firstWord);
            out.putInt(rows.topicBits);
            out.putDouble(rows.logGammaSum);
            int[] capacity = new int[words];
            int[] nonzeros = new int[words];
            int total = 0;
            for (int i = 0; i < words; i++) {
                capacity[i] = rows.rows[i].length;
                nonzeros[i] = rows.nonzeros(i);
                total += nonzeros[i];
            }
            int[] entries = new int[total];
            int k = 0;
            for (int i = 0; i < words; i++) {
                System.arraycopy(rows.rows[i], 0, entries, k, nonzeros[i]);
                k += nonzeros[i];
            }
            Wire.putIntArray(out, capacity);
            Wire.putIntArray(out, nonzeros);
            Wire.putIntArray(out, entries);
        }

        @Override
        public WordBlock read(ByteBuffer in) {
            Wire.expectVersion(in, FORMAT_VERSION, "WordBlock");
            int block = in.getInt();
            int firstWord = in.getInt();
            int topicBits = in.getInt();
            double logGammaSum = in.getDouble();
            int[] capacity = Wire.getIntArray(in);
            int[] nonzeros = Wire.getIntArray(in);
            int[] entries = Wire.getIntArray(in);
            TopicRows rows = TopicRows.empty(firstWord, capacity, topicBits);
            int k = 0;
            for (int i = 0; i < capacity.length; i++) {
                System.arraycopy(entries, k, rows.rows[i], 0, nonzeros[i]);
                k += nonzeros[i];
            }
            rows.logGammaSum = logGammaSum;
            return new WordBlock(block, rows);
        }
    };
}
