package org.smpframe.api;

import java.nio.ByteBuffer;

/**
 * The explicit binary encoding of a value that crosses from a worker to the aggregator or back.
 *
 * <p>Every partial result, commit and statistic of an {@link SmpProgram} has one, so that a runtime can put
 * it on a wire (the cluster runtime) or check that an app does not rely on sharing objects (the embedded
 * runtime's {@code verifyWireFormats} option round-trips every message). Implementations write primitive
 * arrays in bulk ({@link Wire} has helpers) and start with a version number.
 *
 * @param <T> the value type
 */
public interface WireFormat<T> {
    /** Exact number of bytes {@link #write} will produce for {@code value}. */
    int encodedSize(T value);

    /** Writes {@code value} at the buffer's position, advancing it by {@link #encodedSize}. */
    void write(T value, ByteBuffer out);

    /** Reads a value written by {@link #write}, advancing the buffer's position past it. */
    T read(ByteBuffer in);

    /** Encodes into a fresh heap buffer, flipped for reading. */
    default ByteBuffer encode(T value) {
        ByteBuffer buf = ByteBuffer.allocate(encodedSize(value));
        write(value, buf);
        if (buf.hasRemaining()) {
            throw new IllegalStateException(getClass().getName() + " wrote " + buf.position()
                    + " bytes but declared " + buf.capacity());
        }
        return buf.flip();
    }

    /** Encodes and decodes again: what a remote receiver would see. */
    default T roundTrip(T value) {
        ByteBuffer buf = encode(value);
        T copy = read(buf);
        if (buf.hasRemaining()) {
            throw new IllegalStateException(getClass().getName() + " left " + buf.remaining() + " bytes unread");
        }
        return copy;
    }
}
