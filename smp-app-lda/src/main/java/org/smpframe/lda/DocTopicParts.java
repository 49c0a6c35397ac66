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

    /** Where each worker's sampler stream is, by worker. */
    long[] samplerStates() {
        long[] states = new long[parts.length];
        for (int p = 0; p < parts.length; p++) {
            if (parts[p] == null) {
                throw new IllegalStateException("no run has ended yet");
            }
            states[p] = parts[p].samplerState();
        }
        return states;
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
