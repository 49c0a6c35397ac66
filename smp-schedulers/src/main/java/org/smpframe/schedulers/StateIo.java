package org.smpframe.schedulers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Arrays of a scheduler's checkpointed state: written with their length, read back only into an array of the same
 * length (a state saved for p parameters cannot be restored into a scheduler of another p).
 */
final class StateIo {
    private StateIo() {
    }

    static void writeInts(DataOutput out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) {
            out.writeInt(v);
        }
    }

    static void readInts(DataInput in, int[] into, String what) throws IOException {
        expectLength(in.readInt(), into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readInt();
        }
    }

    static void writeDoubles(DataOutput out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    static void readDoubles(DataInput in, double[] into, String what) throws IOException {
        expectLength(in.readInt(), into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readDouble();
        }
    }

    private static void expectLength(int saved, int expected, String what) throws IOException {
        if (saved != expected) {
            throw new IOException(what + " has " + saved + " entries, this scheduler " + expected);
        }
    }
}
