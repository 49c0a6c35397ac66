package org.smpframe.cli;

import org.smpframe.api.SmpRuntime;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/** Where an app command runs: in this process (the default), or as the coordinator of a cluster. */
@FunctionalInterface
interface RuntimeFactory {
    RuntimeFactory EMBEDDED = (workers, job) -> new EmbeddedRuntime(workers);

    SmpRuntime create(int workers, ClusterJob job);
}
