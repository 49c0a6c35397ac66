package org.smpframe.api;

/**
 * What a scheduler is told about the program it schedules.
 *
 * @param numParameters parameters to choose from, ids 0 .. numParameters-1
 * @param numWorkers    workers that will execute each schedule
 * @param dependencies  interference between parameters (for a dependency filter); null stands for
 *                      {@link DependencyOracle#NONE}
 * @param seed          seed of the scheduler's random choices; equal seeds give equal schedules
 */
public record SchedulerContext(int numParameters, int numWorkers, DependencyOracle dependencies, long seed) {
    public SchedulerContext {
        if (numParameters <= 0) {
            throw new IllegalArgumentException("numParameters must be positive, got " + numParameters);
        }
        if (numWorkers <= 0) {
            throw new IllegalArgumentException("numWorkers must be positive, got " + numWorkers);
        }
        if (dependencies == null) {
            dependencies = DependencyOracle.NONE;
        }
    }
}
