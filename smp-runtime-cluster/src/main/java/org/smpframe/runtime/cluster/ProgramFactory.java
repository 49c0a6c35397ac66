package org.smpframe.runtime.cluster;

import org.smpframe.api.SmpProgram;

/**
 * Builds, in a worker process, the program the coordinator runs, from the job description the coordinator was
 * started with. The worker then creates its own worker task from it and keeps only that task's shard.
 */
@FunctionalInterface
public interface ProgramFactory {
    /**
     * @throws Exception with a message for the user when the job cannot be built here (a data file missing or
     *                   different from the coordinator's, say); it is reported by the coordinator
     */
    SmpProgram<?, ?, ?> build(byte[] job, int worker, int numWorkers) throws Exception;
}
