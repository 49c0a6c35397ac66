package org.smpframe.api;

/**
 * The optimization diverged: a parameter or the objective became NaN or infinite. Thrown by an aggregator; the
 * message says what diverged and which setting to change (for parallel coordinate descent, coordinates updated
 * in the same round that interfere: a smaller block or a stricter dependency threshold).
 */
public class DivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DivergenceException(String message) {
        super(message);
    }
}
