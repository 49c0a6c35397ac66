package org.smpframe.runtime.embedded;

import org.smpframe.api.SmpProgram;
import org.smpframe.api.SmpRuntime;
import org.smpframe.api.SmpSession;

/**
 * Runs SMP programs with P worker threads in this JVM. Each worker owns its shard and local state and is
 * always run by the same thread; the aggregator runs on the caller's thread, which also does worker 0's work.
 */
public final class EmbeddedRuntime implements SmpRuntime {
    private final int numWorkers;

    public EmbeddedRuntime(int numWorkers) {
        if (numWorkers <= 0) {
            throw new IllegalArgumentException("the number of workers must be positive, got " + numWorkers);
        }
        this.numWorkers = numWorkers;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public int numWorkers() {
        return numWorkers;
    }

    @Override
    public <P, C, S> SmpSession open(SmpProgram<P, C, S> program) {
        return new EmbeddedSession<>(program, numWorkers);
    }

    @Override
    public void close() {
        // Sessions own their threads; nothing is shared between them.
    }
}
