package org.smpframe.runtime.cluster;

/**
 * Every message that crosses between the nodes of a cluster run. Bound to {@link ProtocolSerializer} in the
 * configuration, so none of them is ever sent with Java serialization.
 */
public interface ClusterMessage {
}
