/**
 * The scheduled model-parallel (SMP) programming model.
 *
 * <p>An application is an {@link org.smpframe.api.SmpProgram}: a {@link org.smpframe.api.WorkerTask} per
 * worker (owns a shard of the data and its local state, computes partial results in {@code push}), an
 * {@link org.smpframe.api.Aggregator} (combines partials and commits new parameter values in {@code pull}),
 * and wire formats for everything that crosses from one to the other. A {@link org.smpframe.api.Scheduler}
 * decides which parameters each round updates. A {@link org.smpframe.api.SmpRuntime} drives the rounds:
 *
 * <pre>
 * loop until converged:
 *     S   = scheduler.next(t)                     // may run ahead of the workers by the pipeline depth
 *     z_p = worker[p].push(S)                      // on every worker, in parallel
 *     C   = aggregator.pull(S, z_1..z_P, changes)  // commit; the changes feed the scheduler's priorities
 *     worker[p].apply(C)                           // every worker brings its local state up to date
 * </pre>
 *
 * <p>Nothing in this package knows which runtime executes it: partials, commits and statistics are plain
 * values with an explicit binary encoding ({@link org.smpframe.api.WireFormat}), so the same program runs
 * on threads in one JVM or on workers in other processes.
 */
package org.smpframe.api;
