package org.smpframe.runtime.embedded;

import java.util.concurrent.atomic.AtomicLongArray;
import org.smpframe.api.Traffic;

/** Counts encoded messages by kind from the worker threads (only when formats are verified). */
final class TrafficCounter {
    static final int PARTIAL = 0;
    static final int COMMIT = 1;
    static final int BLOCK = 2;
    static final int STATS = 3;

    private final AtomicLongArray counts = new AtomicLongArray(4);
    private final AtomicLongArray bytes = new AtomicLongArray(4);

    void add(int kind, long size) {
        counts.incrementAndGet(kind);
        bytes.addAndGet(kind, size);
    }

    void reset() {
        for (int k = 0; k < 4; k++) {
            counts.set(k, 0);
            bytes.set(k, 0);
        }
    }

    Traffic snapshot() {
        return new Traffic(counts.get(PARTIAL), bytes.get(PARTIAL), counts.get(COMMIT), bytes.get(COMMIT),
                counts.get(BLOCK), bytes.get(BLOCK), bytes.get(STATS));
    }
}
