package org.smpframe.api;

/**
 * Executes SMP programs. The embedded runtime runs workers as threads in this JVM; the cluster runtime runs
 * them in other processes. Programs do not know which one they run on.
 */
public interface SmpRuntime extends AutoCloseable {
    /** Short name for logs, e.g. "embedded". */
    String name();

    /** Number of workers programs are sharded across. */
    int numWorkers();

    /**
     * Creates the workers of {@code program} (each takes its shard) and returns a session that can run the
     * program several times in a row, keeping worker state (e.g. the warm starts of a regularization path).
     */
    <P, C, S> SmpSession open(SmpProgram<P, C, S> program);

    @Override
    void close();
}
