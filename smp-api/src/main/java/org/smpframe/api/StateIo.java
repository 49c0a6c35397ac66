package org.smpframe.api;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Arrays of checkpointed state ({@link Scheduler#saveState}, {@link Aggregator#saveState},
 * {@link WorkerTask#saveState}): written with their length, read back either into an array of the same length
 * (state saved for p parameters cannot be restored into a program of another p) or as a new array whose length
 * is checked against a bound before anything is allocated. A null array is written as length -1.
 */
public final class StateIo {
    private StateIo() {
    }

    /** Writes some state: a {@code saveState} method, e.g. {@code scheduler::saveState}. */
    @FunctionalInterface
    public interface StateWriter {
        void writeTo(DataOutput out) throws IOException;
    }

    /**
     * The bytes {@code writer} writes. Memory does not fail, so an IOException can only be the writer's own; it is
     * rethrown unchecked with its message.
     */
    public static byte[] toBytes(StateWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    public static void writeInts(DataOutput out, int[] a) throws IOException {
        if (a == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(a.length);
        for (int v : a) {
            out.writeInt(v);
        }
    }

    public static void writeDoubles(DataOutput out, double[] a) throws IOException {
        if (a == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    public static void writeFloats(DataOutput out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float v : a) {
            out.writeFloat(v);
        }
    }

    /** Reads into {@code into}, whose length the saved array must have. */
    public static void readFloats(DataInput in, float[] into, String what) throws IOException {
        expectLength(in.readInt(), into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readFloat();
        }
    }

    /** Reads into {@code into}, whose length the saved array must have. */
    public static void readInts(DataInput in, int[] into, String what) throws IOException {
        expectLength(in.readInt(), into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readInt();
        }
    }

    /** Reads into {@code into}, whose length the saved array must have. */
    public static void readDoubles(DataInput in, double[] into, String what) throws IOException {
        expectLength(in.readInt(), into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readDouble();
        }
    }

    /** A new array of at most {@code maxLength} entries, or null if null was written. */
    public static int[] readInts(DataInput in, int maxLength, String what) throws IOException {
        int n = boundedLength(in.readInt(), maxLength, what);
        if (n < 0) {
            return null;
        }
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readInt();
        }
        return a;
    }

    /** A new array of at most {@code maxLength} entries, or null if null was written. */
    public static double[] readDoubles(DataInput in, int maxLength, String what) throws IOException {
        int n = boundedLength(in.readInt(), maxLength, what);
        if (n < 0) {
            return null;
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    private static int boundedLength(int n, int max, String what) throws IOException {
        if (n < -1 || n > max) {
            throw new IOException(what + " has " + n + " entries, at most " + max + " fit");
        }
        return n;
    }

    private static void expectLength(int saved, int expected, String what) throws IOException {
        if (saved != expected) {
            throw new IOException(what + " has " + saved + " entries, this one " + expected);
        }
    }
}
