package org.smpframe.lda;

/** When an iteration's log-likelihood is measured: every {@code evaluateEvery} iterations and the last one. */
final class LdaSchedule {
    private LdaSchedule() {
    }

    /** Whether 0-based iteration {@code iteration} ends with a measurement. */
    static boolean measures(long iteration, LdaConfig config) {
        long done = iteration + 1;
        return done % config.evaluateEvery() == 0 || done == config.iterations();
    }
}
