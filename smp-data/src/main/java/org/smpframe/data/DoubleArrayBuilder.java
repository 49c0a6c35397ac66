package org.smpframe.data;

import java.util.Arrays;

/** A growable {@code double[]}, the companion of {@link IntArrayBuilder} for values and labels. */
final class DoubleArrayBuilder {

    private double[] data;
    private int size;

    DoubleArrayBuilder(int initialCapacity) {
        data = new double[Math.max(1, initialCapacity)];
    }

    void add(double v) {
        if (size == data.length) {
            grow();
        }
        data[size++] = v;
    }

    int size() {
        return size;
    }

    double[] toArray() {
        return Arrays.copyOf(data, size);
    }

    private void grow() {
        if (data.length >= IntArrayBuilder.MAX_LENGTH) {
            throw new IllegalStateException(
                    "more than " + IntArrayBuilder.MAX_LENGTH + " elements do not fit in a Java array");
        }
        long want = (long) data.length + (data.length >> 1) + 16;
        data = Arrays.copyOf(data, (int) Math.min(want, IntArrayBuilder.MAX_LENGTH));
    }
}
