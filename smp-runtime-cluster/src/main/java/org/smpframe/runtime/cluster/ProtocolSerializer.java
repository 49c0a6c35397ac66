package org.smpframe.runtime.cluster;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.smpframe.runtime.cluster.Protocol.Assign;
import org.smpframe.runtime.cluster.Protocol.EndRun;
import org.smpframe.runtime.cluster.Protocol.Evaluate;
import org.smpframe.runtime.cluster.Protocol.Pushed;
import org.smpframe.runtime.cluster.Protocol.Ready;
import org.smpframe.runtime.cluster.Protocol.Register;
import org.smpframe.runtime.cluster.Protocol.RunEnded;
import org.smpframe.runtime.cluster.Protocol.Shutdown;
import org.smpframe.runtime.cluster.Protocol.RestoreState;
import org.smpframe.runtime.cluster.Protocol.SaveState;
import org.smpframe.runtime.cluster.Protocol.Stats;
import org.smpframe.runtime.cluster.Protocol.WorkerState;
import org.smpframe.runtime.cluster.Protocol.Step;
import org.smpframe.runtime.cluster.Protocol.WorkerFailed;

/**
 * The binary encoding of every {@link ClusterMessage}: big-endian primitives, arrays as a length and their
 * elements, actor references as Pekko's serialization strings, payloads as the bytes of the program's own
 * {@link org.smpframe.api.WireFormat}s. A chunk's data is copied once into the frame; nothing goes through Java
 * serialization.
 */
public final class ProtocolSerializer extends SerializerWithStringManifest {
    /** Pekko reserves 0-40; any other fixed number identifies this serializer on the wire. */
    static final int IDENTIFIER = 0x534D5031;

    private final ActorRefResolver resolver;

    public ProtocolSerializer(ExtendedActorSystem system) {
        this.resolver = ActorRefResolver.get(Adapter.toTyped(system));
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public String manifest(Object o) {
        if (o instanceof BlockPort.Chunk) {
            return "C";
        } else if (o instanceof BlockPort.ChunkAck) {
            return "A";
        } else if (o instanceof Step) {
            return "S";
        } else if (o instanceof Pushed) {
            return "P";
        } else if (o instanceof Evaluate) {
            return "E";
        } else if (o instanceof Stats) {
            return "T";
        } else if (o instanceof SaveState) {
            return "V";
        } else if (o instanceof RestoreState) {
            return "Q";
        } else if (o instanceof WorkerState) {
            return "W";
        } else if (o instanceof Register) {
            return "G";
        } else if (o instanceof Assign) {
            return "N";
        } else if (o instanceof Ready) {
            return "R";
        } else if (o instanceof EndRun) {
            return "X";
        } else if (o instanceof RunEnded) {
            return "Y";
        } else if (o instanceof WorkerFailed) {
            return "F";
        } else if (o instanceof Shutdown) {
            return "Z";
        }
        throw new IllegalArgumentException("not a cluster message: " + o.getClass().getName());
    }

    @Override
    public byte[] toBinary(Object o) {
        if (o instanceof BlockPort.Chunk c) {
            // The hot path: size known, one copy of the data.
            byte[] ref = utf8(resolver.toSerializationFormat(c.ackTo()));
            ByteBuffer b = ByteBuffer.allocate(8 + 4 + 4 + 4 + 4 + c.data().length + 4 + ref.length);
            b.putLong(c.key()).putInt(c.offset()).putInt(c.count()).putInt(c.totalLength());
            b.putInt(c.data().length).put(c.data());
            b.putInt(ref.length).put(ref);
            return b.array();
        }
        if (o instanceof BlockPort.ChunkAck) {
            return new byte[0];
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            write(o, out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
    }

    private void write(Object o, DataOutputStream out) throws IOException {
        if (o instanceof Step s) {
            out.writeLong(s.round());
            writePayload(out, s.commit());
            writePayload(out, s.schedule());
            writeInts(out, s.forwards());
            writeInts(out, s.after());
        } else if (o instanceof Pushed p) {
            out.writeInt(p.worker());
            out.writeLong(p.round());
            writePayload(out, p.partial());
            WorkerTimes t = p.times();
            out.writeLong(t.sendNanos());
            out.writeLong(t.idleNanos());
            out.writeLong(t.applyNanos());
            out.writeLong(t.blockWaitNanos());
            out.writeLong(t.computeNanos());
            out.writeInt(p.blocksSent());
            out.writeLong(p.blockBytesSent());
        } else if (o instanceof Evaluate e) {
            writePayload(out, e.commit());
        } else if (o instanceof Stats s) {
            out.writeInt(s.worker());
            writePayload(out, s.stats());
        } else if (o instanceof SaveState v) {
            writePayload(out, v.commit());
        } else if (o instanceof RestoreState r) {
            writePayload(out, r.state());
        } else if (o instanceof WorkerState w) {
            out.writeInt(w.worker());
            writePayload(out, w.state());
        } else if (o instanceof Register r) {
            writeRef(out, r.worker());
            writeRef(out, r.blocks());
        } else if (o instanceof Assign a) {
            out.writeInt(a.worker());
            out.writeInt(a.numWorkers());
            writePayload(out, a.job());
            out.writeInt(a.peers().size());
            for (ActorRef<BlockPort.Message> peer : a.peers()) {
                writeRef(out, peer);
            }
            writeRef(out, a.coordinatorBlocks());
        } else if (o instanceof Ready r) {
            out.writeInt(r.worker());
            writeBytes(out, utf8(r.program()));
            out.writeInt(r.numParameters());
        } else if (o instanceof EndRun e) {
            writePayload(out, e.commit());
            writeInts(out, e.returnBlocks());
            out.writeBoolean(e.gatherResident());
        } else if (o instanceof RunEnded r) {
            out.writeInt(r.worker());
            writePayload(out, r.resident());
            out.writeInt(r.blocksSent());
            out.writeLong(r.blockBytesSent());
        } else if (o instanceof WorkerFailed f) {
            out.writeInt(f.worker());
            writeBytes(out, utf8(f.message()));
        } else if (o instanceof Shutdown s) {
            writeBytes(out, utf8(s.reason()));
        } else {
            throw new IllegalArgumentException("not a cluster message: " + o.getClass().getName());
        }
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        switch (manifest) {
            case "C": {
                long key = in.getLong();
                int offset = in.getInt();
                int count = in.getInt();
                int total = in.getInt();
                byte[] data = readBytes(in);
                return new BlockPort.Chunk(key, offset, count, total, data, readRef(in));
            }
            case "A":
                return BlockPort.ChunkAck.INSTANCE;
            case "S":
                return new Step(in.getLong(), readPayload(in), readPayload(in), readInts(in), readInts(in));
            case "P":
                return new Pushed(in.getInt(), in.getLong(), readPayload(in), new WorkerTimes(in.getLong(),
                        in.getLong(), in.getLong(), in.getLong(), in.getLong()), in.getInt(), in.getLong());
            case "E":
                return new Evaluate(readPayload(in));
            case "T":
                return new Stats(in.getInt(), readPayload(in));
            case "V":
                return new SaveState(readPayload(in));
            case "Q":
                return new RestoreState(readPayload(in));
            case "W":
                return new WorkerState(in.getInt(), readPayload(in));
            case "G":
                return new Register(readRef(in), readRef(in));
            case "N": {
                int worker = in.getInt();
                int numWorkers = in.getInt();
                Payload job = readPayload(in);
                int n = in.getInt();
                List<ActorRef<BlockPort.Message>> peers = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    peers.add(readRef(in));
                }
                return new Assign(worker, numWorkers, job, peers, readRef(in));
            }
            case "R": {
                int worker = in.getInt();
                String program = new String(readBytes(in), StandardCharsets.UTF_8);
                return new Ready(worker, program, in.getInt());
            }
            case "X":
                return new EndRun(readPayload(in), readInts(in), in.get() != 0);
            case "Y":
                return new RunEnded(in.getInt(), readPayload(in), in.getInt(), in.getLong());
            case "F":
                return new WorkerFailed(in.getInt(), new String(readBytes(in), StandardCharsets.UTF_8));
            case "Z":
                return new Shutdown(new String(readBytes(in), StandardCharsets.UTF_8));
            default:
                throw new NotSerializableException("unknown cluster message manifest '" + manifest + "'");
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void writeRef(DataOutputStream out, ActorRef<?> ref) throws IOException {
        writeBytes(out, utf8(resolver.toSerializationFormat(ref)));
    }

    private <T> ActorRef<T> readRef(ByteBuffer in) {
        return resolver.resolveActorRef(new String(readBytes(in), StandardCharsets.UTF_8));
    }

    /** A payload: -1 for none, 0 + bytes inline, 1 + key + length when it travels through the block port. */
    private static void writePayload(DataOutputStream out, Payload p) throws IOException {
        if (p == null) {
            out.writeByte(-1);
        } else if (p.isInline()) {
            out.writeByte(0);
            writeBytes(out, p.inline());
        } else {
            out.writeByte(1);
            out.writeLong(p.key());
            out.writeInt(p.length());
        }
    }

    private static Payload readPayload(ByteBuffer in) {
        byte mode = in.get();
        if (mode == -1) {
            return null;
        }
        if (mode == 0) {
            return Payload.inline(readBytes(in));
        }
        return Payload.chunked(in.getLong(), in.getInt());
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return b;
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(ByteBuffer in) {
        int[] a = new int[in.getInt()];
        in.asIntBuffer().get(a);
        in.position(in.position() + 4 * a.length);
        return a;
    }
}
