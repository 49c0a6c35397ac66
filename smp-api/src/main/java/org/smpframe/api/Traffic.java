package org.smpframe.api;

/**
 * What a run's messages would cost on a network: counts and encoded bytes by kind, as measured when every
 * message passes through its {@link WireFormat} ({@link RunOptions#verifyWireFormats()}). A commit counts once
 * per worker that receives it (a coordinator sends it to each); a block counts once per move between workers.
 *
 * @param partials      worker → aggregator partial results
 * @param partialBytes  their encoded bytes
 * @param commits       aggregator → worker commits (one per receiving worker)
 * @param commitBytes   their encoded bytes
 * @param blockMoves    model blocks moved between workers
 * @param blockBytes    their encoded bytes
 * @param statsBytes    encoded bytes of the evaluations' statistics
 */
public record Traffic(long partials, long partialBytes, long commits, long commitBytes, long blockMoves,
                      long blockBytes, long statsBytes) {
    /** Nothing measured (formats not verified). */
    public static final Traffic NONE = new Traffic(0, 0, 0, 0, 0, 0, 0);

    /** All bytes that crossed between the aggregator and the workers or between workers. */
    public long totalBytes() {
        return partialBytes + commitBytes + blockBytes + statsBytes;
    }
}
