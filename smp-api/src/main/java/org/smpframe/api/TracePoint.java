package org.smpframe.api;

/**
 * One line of a convergence trace.
 *
 * @param seconds    solver time since the run started, evaluation time excluded
 * @param round      rounds completed
 * @param updates    parameter updates committed (sum of schedule sizes)
 * @param evaluation the metrics of the committed model after that round
 */
public record TracePoint(double seconds, long round, long updates, Evaluation evaluation) {
}
