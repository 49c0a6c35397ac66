package org.smpframe.runtime.cluster;

import java.nio.charset.StandardCharsets;

/** A worker process for the multi-process tests: {@code WorkerMain HOST:PORT}; the job names a {@link TestJobs} entry. */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) {
        System.exit(WorkerNode.run(ClusterSettings.local("127.0.0.1"), args[0],
                (job, worker, numWorkers) -> TestJobs.program(new String(job, StandardCharsets.UTF_8))));
    }
}
