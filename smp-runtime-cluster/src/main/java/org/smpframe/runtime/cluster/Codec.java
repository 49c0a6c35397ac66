package org.smpframe.runtime.cluster;

import java.nio.ByteBuffer;
import org.smpframe.api.WireFormat;
import org.smpframe.api.WireFormatException;

/** A program's values to and from the bytes of their {@link WireFormat}s. */
final class Codec {
    private Codec() {
    }

    static <T> byte[] encode(WireFormat<T> format, T value) {
        return format.encode(value).array();
    }

    static <T> T decode(WireFormat<T> format, byte[] bytes, String what) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        T value = format.read(in);
        if (in.hasRemaining()) {
            throw new WireFormatException(what + ": " + in.remaining() + " bytes left unread; the nodes run"
                    + " different versions of the program");
        }
        return value;
    }
}
