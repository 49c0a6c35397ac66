package org.smpframe.runtime.cluster;

/** A cluster run cannot go on: a node was lost, a worker failed, or the cluster did not form in time. */
public class ClusterException extends RuntimeException {
    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
