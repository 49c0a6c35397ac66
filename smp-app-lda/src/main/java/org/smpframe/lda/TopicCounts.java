package org.smpframe.lda;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * A dense vector of K topic counts: a worker's change of the topic totals n_k in one sub-round (its partial), or
 * the reconciled totals (the aggregator's commit). K ints per worker per sub-round is the only traffic through
 * the aggregator under the rotation.
 */
public record TopicCounts(int[] counts) {
    public static final int FORMAT_VERSION = 1;

    public static final WireFormat<TopicCounts> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(TopicCounts t) {
            return 4 + Wire.intArraySize(t.counts);
        }

        @Override
        public void write(TopicCounts t, ByteBuffer out) {
            out.putInt(FORMAT_VERSION);
            Wire.putIntArray(out, t.counts);
        }

        @Override
        public TopicCounts read(ByteBuffer in) {
            Wire.expectVersion(in, FORMAT_VERSION, "TopicCounts");
            return new TopicCounts(Wire.getIntArray(in));
        }
    };
}
