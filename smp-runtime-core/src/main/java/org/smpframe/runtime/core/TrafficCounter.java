package org.smpframe.runtime.core;

import java.util.concurrent.atomic.AtomicLongArray;
import org.smpframe.api.Traffic;

/** Counts encoded messages by kind from the worker threads (only when formats are verified). */
public final class TrafficCounter {
    public static final int PARTIAL = 0;
    public static final int COMMIT = 1;
    public static final int BLOCK = 2;
    public static final int STATS = 3;

    private final AtomicLongArray counts = new AtomicLongArray(4);
    private final AtomicLongArray bytes = new AtomicLongArray(4);

    public void add(int kind, long size) {
        add(kind, 1, size);
    }

    /** {@code messages} messages of {@code kind} that took {@code size} bytes together. */
    public void add(int kind, int messages, long size) {
        counts.addAndGet(kind, messages);
        bytes.addAndGet(kind, size);
    }

    public void reset() {
        for (int k = 0; k < 4; k++) {
            counts.set(k, 0);
            bytes.set(k, 0);
        }
    }

    public Traffic snapshot() {
        return new Traffic(counts.get(PARTIAL), bytes.get(PARTIAL), counts.get(COMMIT), bytes.get(COMMIT),
                counts.get(BLOCK), bytes.get(BLOCK), bytes.get(STATS));
    }
}
