package org.smpframe.lda;

import org.smpframe.api.ResidentModel;
import org.smpframe.api.WireFormat;

/** Gathers the workers' token topics when a run ends and assembles them in corpus order. */
final class DocTopicParts implements ResidentModel<DocTopics> {
    private final DocTopics[] parts;

    DocTopicParts(int numWorkers) {
        parts = new DocTopics[numWorkers];
    }

    @Override
    public void gather(int worker, DocTopics part) {
        parts[worker] = part;
    }

    @Override
    public WireFormat<DocTopics> format() {
        return DocTopics.FORMAT;
    }

    /**
     * The chain's state as gathered when the last run ended, after round {@code round}: the topics of all
     * {@code numTokens} tokens and where each worker's sampler stream is.
     */
    LdaCheckpoint checkpoint(long round, int numTokens) {
        int[] topics = assemble(numTokens); // checks that every part is there
        long[] states = new long[parts.length];
        for (int p = 0; p < parts.length; p++) {
            states[p] = parts[p].samplerState();
        }
        return new LdaCheckpoint(round, parts.length, states, topics);
    }

    /** The topics of all {@code numTokens} tokens in corpus order (workers hold consecutive documents). */
    int[] assemble(int numTokens) {
        int[] z = new int[numTokens];
        int at = 0;
        for (DocTopics part : parts) {
            if (part == null) {
                throw new IllegalStateException("no run has ended yet");
            }
            System.arraycopy(part.topics(), 0, z, at, part.topics().length);
            at += part.topics().length;
        }
        return z;
    }
}
