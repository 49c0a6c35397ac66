package org.smpframe.api;

/**
 * How a session runs rounds.
 *
 * @param maxRounds         stop when this many rounds have run, counting from round 0 (a run resumed at round r
 *                          runs maxRounds - r more)
 * @param pipelineDepth     s: how many rounds the scheduler may run ahead of the committed model. With s = 0,
 *                          the schedule of round t sees the changes of round t-1 (fully synchronous); with
 *                          s &gt; 0 it is computed while rounds run and sees changes up to round t-1-s. Workers
 *                          always compute on the fully committed model.
 * @param evaluateEvery     evaluate (objective, stopping rule) every this many rounds, and after the last one
 * @param timeLimitSeconds  stop after this much solver time (evaluation excluded); &lt;= 0 for none
 * @param seed              seed handed to the scheduler
 * @param verifyWireFormats pass every message through its {@link WireFormat} even where no wire is crossed,
 *                          to prove the program would run distributed
 * @param firstRound        the number of the first round: 0, or where a run resumed from a checkpoint continues
 *                          (schedules, evaluation points and stopping count from round 0 as in one long run)
 * @param stopEvery         a time limit or a {@link StopRequest} ends the run only after a round that is a multiple
 *                          of this (LDA: a whole iteration, so that the state it stops in can be resumed exactly)
 * @param checkpointEvery   hand a {@link RunSnapshot} to {@link RoundListener#onCheckpoint} after the first
 *                          evaluation at or past every multiple of this many rounds; 0 for none
 * @param checkpointSeconds also after the first evaluation once this much wall time has passed since the last
 *                          checkpoint (or the start); 0 for none. With either one set, a snapshot is also handed
 *                          over at the run's end, after its final evaluation, marked with how the run ended
 * @param checkpointProgram snapshots also hold the aggregator's and every worker's state ({@link
 *                          Aggregator#saveState}, {@link WorkerTask#saveState}), and a resumed run restores them:
 *                          for apps whose model cannot be rebuilt from what the app keeps itself
 * @param checkpointAtStart also hand a snapshot over before the first round (not when resuming): a run that
 *                          continues an earlier one in the same session (the next λ of a path) can then be resumed
 *                          from its start
 * @param resumeFrom        a snapshot to continue from (its round is the first round; the scheduler gets its state
 *                          and pending schedules), or null. The run's rounds, updates and seconds, in its trace
 *                          and summary, then include the snapshot's, as in the uninterrupted run
 */
public record RunOptions(long maxRounds, int pipelineDepth, int evaluateEvery, double timeLimitSeconds, long seed,
                         boolean verifyWireFormats, long firstRound, int stopEvery, long checkpointEvery,
                         double checkpointSeconds, boolean checkpointProgram, boolean checkpointAtStart,
                         RunSnapshot resumeFrom) {
    public RunOptions {
        if (maxRounds < 0) {
            throw new IllegalArgumentException("maxRounds must be >= 0, got " + maxRounds);
        }
        if (pipelineDepth < 0) {
            throw new IllegalArgumentException("pipelineDepth must be >= 0, got " + pipelineDepth);
        }
        if (evaluateEvery <= 0) {
            throw new IllegalArgumentException("evaluateEvery must be positive, got " + evaluateEvery);
        }
        if (stopEvery <= 0) {
            throw new IllegalArgumentException("stopEvery must be positive, got " + stopEvery);
        }
        if (firstRound < 0) {
            throw new IllegalArgumentException("firstRound must be >= 0, got " + firstRound);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpointEvery must be >= 0, got " + checkpointEvery);
        }
        if (!(checkpointSeconds >= 0) || Double.isInfinite(checkpointSeconds)) {
            throw new IllegalArgumentException("checkpointSeconds must be a finite number >= 0, got "
                    + checkpointSeconds);
        }
        if (resumeFrom != null && resumeFrom.round() != firstRound) {
            throw new IllegalArgumentException("a run resumed from round " + resumeFrom.round()
                    + " must start there, not at round " + firstRound);
        }
    }

    /** Whether the run hands snapshots to its listener. */
    public boolean checkpoints() {
        return checkpointEvery > 0 || checkpointSeconds > 0;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().maxRounds(maxRounds).pipelineDepth(pipelineDepth).evaluateEvery(evaluateEvery)
                .timeLimitSeconds(timeLimitSeconds).seed(seed).verifyWireFormats(verifyWireFormats)
                .firstRound(firstRound).stopEvery(stopEvery).checkpointEvery(checkpointEvery)
                .checkpointSeconds(checkpointSeconds).checkpointProgram(checkpointProgram).checkpointAtStart(checkpointAtStart)
                .resumeFrom(resumeFrom);
    }

    /** Defaults: 100 000 rounds, depth 1, evaluate every 10 rounds, no time limit, seed 1. */
    public static final class Builder {
        private long maxRounds = 100_000;
        private int pipelineDepth = 1;
        private int evaluateEvery = 10;
        private double timeLimitSeconds;
        private long seed = 1;
        private boolean verifyWireFormats;
        private long firstRound;
        private int stopEvery = 1;
        private long checkpointEvery;
        private double checkpointSeconds;
        private boolean checkpointProgram;
        private boolean checkpointAtStart;
        private RunSnapshot resumeFrom;

        public Builder maxRounds(long v) {
            maxRounds = v;
            return this;
        }

        public Builder pipelineDepth(int v) {
            pipelineDepth = v;
            return this;
        }

        public Builder evaluateEvery(int v) {
            evaluateEvery = v;
            return this;
        }

        public Builder timeLimitSeconds(double v) {
            timeLimitSeconds = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder verifyWireFormats(boolean v) {
            verifyWireFormats = v;
            return this;
        }

        public Builder firstRound(long v) {
            firstRound = v;
            return this;
        }

        public Builder stopEvery(int v) {
            stopEvery = v;
            return this;
        }

        public Builder checkpointEvery(long v) {
            checkpointEvery = v;
            return this;
        }

        public Builder checkpointSeconds(double v) {
            checkpointSeconds = v;
            return this;
        }

        public Builder checkpointProgram(boolean v) {
            checkpointProgram = v;
            return this;
        }

        public Builder checkpointAtStart(boolean v) {
            checkpointAtStart = v;
            return this;
        }

        /** Resumes from {@code v} (null for a fresh run); also sets the first round to the snapshot's. */
        public Builder resumeFrom(RunSnapshot v) {
            resumeFrom = v;
            if (v != null) {
                firstRound = v.round();
            }
            return this;
        }

        public RunOptions build() {
            return new RunOptions(maxRounds, pipelineDepth, evaluateEvery, timeLimitSeconds, seed, verifyWireFormats,
                    firstRound, stopEvery, checkpointEvery, checkpointSeconds, checkpointProgram, checkpointAtStart, resumeFrom);
        }
    }
}
