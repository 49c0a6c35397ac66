package org.smpframe.api;

/**
 * What a scheduler is told about the program it schedules.
 *
 * @param numParameters parameters to choose from, ids 0 .. numParameters-1
 * @param numWorkers    workers that will execute each schedule
 * @param dependencies  interference between parameters (for a dependency filter); null stands for
 *                      {@link DependencyOracle#NONE}
 * @param seed          seed of the scheduler's random choices; equal seeds give equal schedules
 * @param owners        for a program whose workers each hold their own parameters ({@link SmpProgram#placement}),
 *                      the worker that holds parameter j at {@code owners[j]}: a schedule for it is partitioned,
 *                      and by default gives every worker parameters it holds. Null when any worker can update any
 *                      parameter. Shared, read only
 * @param costs         the work of one update of each parameter (e.g. its column's nonzeros), for a scheduler
 *                      that weighs a round's work against its coordination; null when unknown. Shared, read only
 */
public record SchedulerContext(int numParameters, int numWorkers, DependencyOracle dependencies, long seed,
                               int[] owners, long[] costs) {
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
        if (costs != null && costs.length != numParameters) {
            throw new IllegalArgumentException(costs.length + " costs for " + numParameters + " parameters");
        }
        if (owners != null) {
            if (owners.length != numParameters) {
                throw new IllegalArgumentException(owners.length + " owners for " + numParameters + " parameters");
            }
            for (int w : owners) {
                if (w < 0 || w >= numWorkers) {
                    throw new IllegalArgumentException("owner " + w + " is not one of the " + numWorkers + " workers");
                }
            }
        }
    }

    /** A context without placement: any worker can update any parameter. */
    public SchedulerContext(int numParameters, int numWorkers, DependencyOracle dependencies, long seed) {
        this(numParameters, numWorkers, dependencies, seed, null, null);
    }

    /** A context with placement and no costs. */
    public SchedulerContext(int numParameters, int numWorkers, DependencyOracle dependencies, long seed,
                            int[] owners) {
        this(numParameters, numWorkers, dependencies, seed, owners, null);
    }

    /** The context a runtime gives a scheduler of {@code program} (partitioned) on {@code numWorkers} workers. */
    public static SchedulerContext of(SmpProgram<?, ?, ?> program, int numWorkers, long seed) {
        return new SchedulerContext(program.numParameters(), numWorkers, program.dependencies(), seed,
                program.placement(), program.parameterCosts());
    }

    /** Whether every parameter has an owning worker. */
    public boolean placed() {
        return owners != null;
    }
}
