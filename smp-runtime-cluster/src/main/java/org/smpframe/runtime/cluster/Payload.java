package org.smpframe.runtime.cluster;

/**
 * Encoded bytes inside a control message: carried in the message itself when small ({@code inline}), or sent
 * beside it in chunks through the receiver's {@link BlockPort} under {@code key} when large, so that a big commit
 * or partial never exceeds a frame nor blocks the control channel behind it.
 *
 * @param inline the bytes, or null when they travel through the block port
 * @param key    the block port key of the bytes when not inline
 * @param length their length
 */
record Payload(byte[] inline, long key, int length) {
    static Payload inline(byte[] bytes) {
        return new Payload(bytes, -1, bytes.length);
    }

    static Payload chunked(long key, int length) {
        return new Payload(null, key, length);
    }

    boolean isInline() {
        return inline != null;
    }
}
