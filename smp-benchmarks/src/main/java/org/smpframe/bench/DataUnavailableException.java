package org.smpframe.bench;

/** A benchmark problem whose data file is not on this machine: the problem is skipped with this message. */
public final class DataUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataUnavailableException(String message) {
        super(message);
    }
}
