package org.smpframe.lda;

/** What the trainer needs of either LDA program besides the SMP program itself. */
interface LdaRun {
    /** Rounds of one iteration (one sweep over all tokens) on {@code workers} workers. */
    int roundsPerIteration(int workers);

    /** The model as of the end of the last run. */
    LdaModel model();

    /** The state of the chain as of the end of the last run, which ended after round {@code round}. */
    LdaCheckpoint checkpoint(long round);
}
