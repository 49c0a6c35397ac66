package org.smpframe.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A coordinator and workers as separate Pekko actor systems in this JVM: every message still crosses real TCP on
 * 127.0.0.1 and the serializers, but a test needs no process of its own. (Separate JVMs are tested by the CLI.)
 */
final class InProcessCluster {
    private InProcessCluster() {
    }

    static <T> T run(int workers, ProgramFactory factory, Function<ClusterRuntime, T> job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Integer>> exits = new ArrayList<>();
        T result;
        try (ClusterRuntime runtime = ClusterRuntime.start(ClusterSettings.local("127.0.0.1"), workers, new byte[0])) {
            String address = runtime.address();
            for (int p = 0; p < workers; p++) {
                exits.add(pool.submit(() -> WorkerNode.run(ClusterSettings.local("127.0.0.1"), address, factory)));
            }
            result = job.apply(runtime);
        }
        for (Future<Integer> exit : exits) {
            assertThat(exit.get(30, TimeUnit.SECONDS)).as("worker exit code").isZero();
        }
        pool.shutdownNow();
        return result;
    }
}
