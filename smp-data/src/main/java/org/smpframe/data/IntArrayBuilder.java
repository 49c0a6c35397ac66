package org.smpframe.data;

import java.util.Arrays;

/**
 * A growable {@code int[]}: the parser appends millions of column indices, and a boxed list
 * would cost an object and a pointer per nonzero.
 */
final class IntArrayBuilder {

    /** Some VMs reserve header words in an array, so the largest safe length is a little under 2^31. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private int[] data;
    private int size;

    IntArrayBuilder(int initialCapacity) {
        data = new int[Math.max(1, initialCapacity)];
    }

    void add(int v) {
        if (size == data.length) {
            grow();
        }
        data[size++] = v;
    }

    int get(int i) {
        return data[i];
    }

    int size() {
        return size;
    }

    /** An exact-length copy; the builder may be reused or dropped afterwards. */
    int[] toArray() {
        return Arrays.copyOf(data, size);
    }

    private void grow() {
        if (data.length >= MAX_LENGTH) {
            throw new IllegalStateException("more than " + MAX_LENGTH + " elements do not fit in a Java array");
        }
        // 1.5x keeps the copying amortized O(1) without doubling the peak memory of a huge file.
        long want = (long) data.length + (data.length >> 1) + 16;
        data = Arrays.copyOf(data, (int) Math.min(want, MAX_LENGTH));
    }
}
