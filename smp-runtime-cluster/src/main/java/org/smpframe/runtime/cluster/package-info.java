/**
 * The cluster runtime: one coordinator process (scheduler, aggregator) and worker processes (data shards, moving
 * model blocks, push) on Apache Pekko Cluster with typed actors and Artery TCP (optionally TLS). Messages use
 * the programs' own binary {@link org.smpframe.api.WireFormat}s through {@link
 * org.smpframe.runtime.cluster.ProtocolSerializer}; blocks and large payloads travel in acknowledged chunks through
 * each node's block port, worker to worker. Failure detection and downing are Pekko's (phi accrual detector,
 * split brain resolver keeping the coordinator's side).
 */
package org.smpframe.runtime.cluster;
