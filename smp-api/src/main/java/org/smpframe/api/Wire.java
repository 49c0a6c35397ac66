package org.smpframe.api;

import java.nio.ByteBuffer;

/** Bulk helpers for {@link WireFormat} implementations: arrays as a length followed by the elements. */
public final class Wire {
    private Wire() {
    }

    public static int intArraySize(int[] a) {
        return 4 + 4 * a.length;
    }

    public static int doubleArraySize(double[] a) {
        return 4 + 8 * a.length;
    }

    public static int floatArraySize(float[] a) {
        return 4 + 4 * a.length;
    }

    public static void putIntArray(ByteBuffer out, int[] a) {
        out.putInt(a.length);
        out.asIntBuffer().put(a);
        out.position(out.position() + 4 * a.length);
    }

    public static void putDoubleArray(ByteBuffer out, double[] a) {
        out.putInt(a.length);
        out.asDoubleBuffer().put(a);
        out.position(out.position() + 8 * a.length);
    }

    public static void putFloatArray(ByteBuffer out, float[] a) {
        out.putInt(a.length);
        out.asFloatBuffer().put(a);
        out.position(out.position() + 4 * a.length);
    }

    public static int[] getIntArray(ByteBuffer in) {
        int n = checkedLength(in, 4);
        int[] a = new int[n];
        in.asIntBuffer().get(a);
        in.position(in.position() + 4 * n);
        return a;
    }

    /** Reads an int array written by {@link #putIntArray}, or null where the length is -1. */
    public static int[] getNullableIntArray(ByteBuffer in) {
        int mark = in.position();
        if (in.getInt() == -1) {
            return null;
        }
        in.position(mark);
        return getIntArray(in);
    }

    public static double[] getDoubleArray(ByteBuffer in) {
        int n = checkedLength(in, 8);
        double[] a = new double[n];
        in.asDoubleBuffer().get(a);
        in.position(in.position() + 8 * n);
        return a;
    }

    public static float[] getFloatArray(ByteBuffer in) {
        int n = checkedLength(in, 4);
        float[] a = new float[n];
        in.asFloatBuffer().get(a);
        in.position(in.position() + 4 * n);
        return a;
    }

    /** Fails with a clear message when a message was written by an incompatible version. */
    public static void expectVersion(ByteBuffer in, int expected, String what) {
        int v = in.getInt();
        if (v != expected) {
            throw new WireFormatException(what + ": format version " + v + ", this build reads " + expected);
        }
    }

    // A corrupt length must not turn into a huge allocation: check it against what is left in the buffer.
    private static int checkedLength(ByteBuffer in, int elementBytes) {
        int n = in.getInt();
        if (n < 0 || (long) n * elementBytes > in.remaining()) {
            throw new WireFormatException("array length " + n + " does not fit the " + in.remaining()
                    + " bytes left in the message");
        }
        return n;
    }
}
