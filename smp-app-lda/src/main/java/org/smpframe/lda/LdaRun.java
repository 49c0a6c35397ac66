package org.smpframe.lda;

/** What the trainer needs of either LDA program besides the SMP program itself. */
interface LdaRun {
    /** Rounds of one iteration (one sweep over all tokens) on {@code workers} workers. */
    int roundsPerIteration(int workers);

    /** The model as of the end of the last run. */
    LdaModel model();
}
