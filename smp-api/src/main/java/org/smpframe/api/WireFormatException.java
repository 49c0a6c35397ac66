package org.smpframe.api;

/** A message that cannot be decoded: wrong version or corrupt content. */
public class WireFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }
}
