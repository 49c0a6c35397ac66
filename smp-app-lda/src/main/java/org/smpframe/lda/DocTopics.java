package org.smpframe.lda;

import java.nio.ByteBuffer;
import org.smpframe.api.Wire;
import org.smpframe.api.WireFormat;

/**
 * One worker's documents with the topic of every token, gathered when a run ends: documents
 * {@code firstDoc ..}, tokens in corpus order; and where its sampler's random stream is, so that a checkpoint can
 * continue the chain exactly.
 */
public record DocTopics(int firstDoc, int numDocs, int[] topics, long samplerState) {
    public static final int FORMAT_VERSION = 2;

    public static final WireFormat<DocTopics> FORMAT = new WireFormat<>() {
        @Override
        public int encodedSize(DocTopics d) {
            return 4 * 3 + Wire.intArraySize(d.topics) + 8;
        }

        @Override
        public void write(DocTopics d, ByteBuffer out) {
            out.putInt(FORMAT_VERSION);
            out.putInt(d.firstDoc).putInt(d.numDocs);
            Wire.putIntArray(out, d.topics);
            out.putLong(d.samplerState);
        }

        @Override
        public DocTopics read(ByteBuffer in) {
            Wire.expectVersion(in, FORMAT_VERSION, "DocTopics");
            return new DocTopics(in.getInt(), in.getInt(), Wire.getIntArray(in), in.getLong());
        }
    };
}
