package org.smpframe.lda;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * Token topic changes of the data-parallel baseline, as (word, old topic, new topic) triples in
 * {@code moves}: one worker's changes of an iteration (its partial), or every worker's, with
 * {@code workerEnd[p]} marking where worker p's end (the aggregator's commit, from which each worker applies the
 * others' changes to its copy of the counts).
 */
public record TopicMoves(int[] moves, int[] workerEnd) {
    public static final int FORMAT_VERSION = 1;

    public static final WireFormat<TopicMoves> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(TopicMoves m) {
            return 4 + Wire.intArraySize(m.moves) + Wire.intArraySize(m.workerEnd);
        }

        @Override
        public void write(TopicMoves m, ByteBuffer out) {
            out.putInt(FORMAT_VERSION);
            Wire.putIntArray(out, m.moves);
            Wire.putIntArray(out, m.workerEnd);
        }

        @Override
        public TopicMoves read(ByteBuffer in) {
            Wire.expectVersion(in, FORMAT_VERSION, "TopicMoves");
            return new TopicMoves(Wire.getIntArray(in), Wire.getIntArray(in));
        }
    };
}
