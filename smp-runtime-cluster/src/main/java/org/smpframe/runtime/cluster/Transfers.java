package org.smpframe.runtime.cluster;

import com.typesafe.config.Config;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * One node's side of chunked transfers: sends bytes to another node's {@link BlockPort} in chunks with flow
 * control, and keeps what arrived at this node's port until the code waiting for it takes it.
 *
 * <p>Flow control: Pekko drops messages silently when an outbound queue is full, so at most {@code window}
 * chunks sent from this node may be unacknowledged; a sender blocks until the receiver's acknowledgements free
 * the window. Keys: a block's key is its id; other payloads get keys from a per-node counter above
 * {@link #PAYLOAD_KEYS}, tagged with the node, so that keys never collide at a receiver.
 */
final class Transfers {
    static final long PAYLOAD_KEYS = 1L << 48;

    private final int chunkBytes;
    private final int inlineLimit;
    private final Semaphore window;
    private volatile long nodeTag;
    private final AtomicLong nextKey = new AtomicLong();
    private final Map<Long, byte[]> arrived = new HashMap<>();
    private volatile ActorRef<BlockPort.Message> self;
    private volatile String failure;

    /**
     * The transfers of a node configured by {@code config}, checked against Pekko's frame and queue sizes: a
     * message that does not fit is dropped with only a log line on the sender, and the run would wait for it.
     */
    static Transfers from(Config config, int node) {
        long chunk = config.getBytes("smp.cluster.chunk-size");
        long inline = config.getBytes("smp.cluster.inline-limit");
        int window = config.getInt("smp.cluster.chunk-window");
        long frame = config.getBytes("pekko.remote.artery.advanced.maximum-frame-size");
        long largeFrame = config.getBytes("pekko.remote.artery.advanced.maximum-large-frame-size");
        int largeQueue = config.getInt("pekko.remote.artery.advanced.outbound-large-message-queue-size");
        if (chunk < 1024 || chunk + 64 * 1024 > largeFrame) {
            throw new IllegalArgumentException("smp.cluster.chunk-size (" + chunk + " bytes) must be at least 1 KiB"
                    + " and 64 KiB below pekko.remote.artery.advanced.maximum-large-frame-size (" + largeFrame + ")");
        }
        if (inline < 0 || 3 * inline + 16 * 1024 > frame) {
            throw new IllegalArgumentException("smp.cluster.inline-limit (" + inline + " bytes) must leave room for"
                    + " two payloads in a step: at most a third of pekko.remote.artery.advanced.maximum-frame-size ("
                    + frame + ") less 16 KiB");
        }
        if (window < 1 || window > largeQueue / 2) {
            throw new IllegalArgumentException("smp.cluster.chunk-window (" + window + ") must be between 1 and half of"
                    + " pekko.remote.artery.advanced.outbound-large-message-queue-size (" + largeQueue + ")");
        }
        return new Transfers(node, (int) chunk, (int) inline, window);
    }

    /**
     * @param node        this node's number (coordinator -1, workers 0..P-1, see {@link #node}), to make payload
     *                    keys unique
     * @param chunkBytes  the size of a chunk (below Pekko's maximum large frame)
     * @param inlineLimit payloads up to this size travel inside their control message
     * @param window      chunks that may be unacknowledged at once
     */
    Transfers(int node, int chunkBytes, int inlineLimit, int window) {
        this.chunkBytes = chunkBytes;
        this.inlineLimit = inlineLimit;
        this.window = new Semaphore(window);
        node(node);
    }

    /** Sets this node's number once known (a worker learns it when assigned). */
    void node(int node) {
        this.nodeTag = PAYLOAD_KEYS + ((long) (node + 1) << 40);
    }

    void bind(ActorRef<BlockPort.Message> port) {
        this.self = port;
    }

    /** This node's block port. */
    ActorRef<BlockPort.Message> port() {
        return self;
    }

    /** Wraps {@code bytes} for a control message to the node whose port is {@code to}: inline or sent in chunks. */
    Payload payload(byte[] bytes, ActorRef<BlockPort.Message> to) {
        if (bytes.length <= inlineLimit) {
            return Payload.inline(bytes);
        }
        long key = nodeTag + nextKey.getAndIncrement();
        send(key, bytes, to);
        return Payload.chunked(key, bytes.length);
    }

    /** The bytes of {@code payload}, waiting for them to arrive if they were chunked. */
    byte[] bytes(Payload payload) {
        return payload.isInline() ? payload.inline() : await(payload.key());
    }

    /** Sends {@code bytes} under {@code key} to the port {@code to}, blocking while the window is full. */
    void send(long key, byte[] bytes, ActorRef<BlockPort.Message> to) {
        int count = (int) Math.max(1, ((long) bytes.length + chunkBytes - 1) / chunkBytes);
        for (int i = 0; i < count; i++) {
            acquire();
            byte[] data = count == 1 ? bytes
                    : Arrays.copyOfRange(bytes, i * chunkBytes, (int) Math.min(bytes.length, (long) (i + 1) * chunkBytes));
            to.tell(new BlockPort.Chunk(key, i * chunkBytes, count, bytes.length, data, self));
        }
    }

    private void acquire() {
        try {
            while (!window.tryAcquire(1, TimeUnit.SECONDS)) {
                checkFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while sending");
        }
    }

    void acknowledged() {
        window.release();
    }

    synchronized void arrived(long key, byte[] bytes) {
        if (arrived.put(key, bytes) != null) {
            throw new IllegalStateException("two transfers under key " + key);
        }
        notifyAll();
    }

    /** Takes the bytes stored under {@code key}, waiting until they arrive or the run fails. */
    synchronized byte[] await(long key) {
        while (true) {
            byte[] b = arrived.remove(key);
            if (b != null) {
                return b;
            }
            checkFailure();
            try {
                wait(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("interrupted while waiting for " + describe(key));
            }
        }
    }

    /** Wakes every waiter with {@code reason}: a node was lost, nothing more will arrive. */
    synchronized void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
        notifyAll();
    }

    private void checkFailure() {
        String f = failure;
        if (f != null) {
            throw new ClusterException(f);
        }
    }

    private static String describe(long key) {
        return key < PAYLOAD_KEYS ? "block " + key : "a message payload";
    }
}
