/**
 * What the embedded and the cluster runtimes share: the schedule pipeline (the scheduler running up to s rounds
 * ahead, with results fixed by round numbers, not timing) and the traffic counters.
 */
package org.smpframe.runtime.core;
