package org.smpframe.mf;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * One block of item factors as it travels around the rotation ring: the factors hⱼ of a contiguous range of
 * items (column-major: column c of item j at {@code h[c * size + j]}), each item's penalty weight, and, during a
 * cycle that updates a column of H, the sums every worker adds for its users: Σ R̂ᵢⱼwᵢₜ, Σ wᵢₜ², Σ R̂ᵢⱼ² over
 * training ratings (and the same over test ratings in the measuring cycle), from which the worker that holds
 * the block last solves the column and knows the exact loss of the new values.
 */
public final class ItemBlock {
    /** Format version of {@link #FORMAT}. */
    public static final int FORMAT_VERSION = 1;

    final int block;
    final int firstItem;
    final int size;
    final int columns;
    final double[] h;
    final double[] weight;
    final double[] num;
    final double[] den;
    final double[] sq;
    final double[] testNum;
    final double[] testDen;
    final double[] testSq;
    /** Whether the training sums (and the test sums) hold a cycle's partial sums, so must travel. */
    boolean summing;
    boolean summingTest;

    ItemBlock(int block, int firstItem, int size, int columns, double[] h, double[] weight) {
        this.block = block;
        this.firstItem = firstItem;
        this.size = size;
        this.columns = columns;
        this.h = h;
        this.weight = weight;
        this.num = new double[size];
        this.den = new double[size];
        this.sq = new double[size];
        this.testNum = new double[size];
        this.testDen = new double[size];
        this.testSq = new double[size];
    }

    /** Starts a cycle's sums at zero. */
    void startSums(boolean withTest) {
        java.util.Arrays.fill(num, 0);
        java.util.Arrays.fill(den, 0);
        java.util.Arrays.fill(sq, 0);
        summing = true;
        summingTest = withTest;
        if (withTest) {
            java.util.Arrays.fill(testNum, 0);
            java.util.Arrays.fill(testDen, 0);
            java.util.Arrays.fill(testSq, 0);
        }
    }

    void endSums() {
        summing = false;
        summingTest = false;
    }

    /**
     * Binary layout (big-endian): int version, int block, int firstItem, int size, int columns, double[] h,
     * double[] weight, byte flags (1 = training sums follow, 2 = test sums follow), then num, den, sq and
     * testNum, testDen, testSq as flagged. Sums travel only inside a cycle that updates H.
     */
    public static final WireFormat<ItemBlock> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(ItemBlock b) {
            int n = 4 * 5 + Wire.doubleArraySize(b.h) + Wire.doubleArraySize(b.weight) + 1;
            if (b.summing) {
                n += 3 * Wire.doubleArraySize(b.num);
            }
            if (b.summingTest) {
                n += 3 * Wire.doubleArraySize(b.testNum);
            }
            return n;
        }

        @Override
        public void write(ItemBlock b, ByteBuffer out) {
            out.putInt(FORMAT_VERSION);
            out.putInt(b.block);
            out.putInt(b.firstItem);
            out.putInt(b.size);
            out.putInt(b.columns);
            Wire.putDoubleArray(out, b.h);
            Wire.putDoubleArray(out, b.weight);
            out.put((byte) ((b.summing ? 1 : 0) | (b.summingTest ? 2 : 0)));
            if (b.summing) {
                Wire.putDoubleArray(out, b.num);
                Wire.putDoubleArray(out, b.den);
                Wire.putDoubleArray(out, b.sq);
            }
            if (b.summingTest) {
                Wire.putDoubleArray(out, b.testNum);
                Wire.putDoubleArray(out, b.testDen);
                Wire.putDoubleArray(out, b.testSq);
            }
        }

        @Override
        public ItemBlock read(ByteBuffer in) {
            Wire.expectVersion(in, FORMAT_VERSION, "ItemBlock");
            int block = in.getInt();
            int firstItem = in.getInt();
            int size = in.getInt();
            int columns = in.getInt();
            double[] h = Wire.getDoubleArray(in);
            double[] weight = Wire.getDoubleArray(in);
            ItemBlock b = new ItemBlock(block, firstItem, size, columns, h, weight);
            int flags = in.get();
            if ((flags & 1) != 0) {
                copy(Wire.getDoubleArray(in), b.num);
                copy(Wire.getDoubleArray(in), b.den);
                copy(Wire.getDoubleArray(in), b.sq);
                b.summing = true;
            }
            if ((flags & 2) != 0) {
                copy(Wire.getDoubleArray(in), b.testNum);
                copy(Wire.getDoubleArray(in), b.testDen);
                copy(Wire.getDoubleArray(in), b.testSq);
                b.summingTest = true;
            }
            return b;
        }

        private void copy(double[] from, double[] to) {
            System.arraycopy(from, 0, to, 0, to.length);
        }
    };
}
