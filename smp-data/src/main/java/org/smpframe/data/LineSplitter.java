package org.smpframe.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Cuts a byte stream into lines for the text readers without decoding it to Strings: the parsers work on the
 * bytes of each line in place, so reading allocates nothing per line.
 */
final class LineSplitter {
    private static final int MAX_BUFFER = Integer.MAX_VALUE - 8;

    /** Receives one line: {@code buf[start .. end)}, without its '\n'. */
    @FunctionalInterface
    interface LineSink {
        void line(byte[] buf, int start, int end);
    }

    private LineSplitter() {
    }

    /**
     * Feeds every line of {@code in} to {@code sink}. A line longer than {@code maxLine} bytes is the error
     * {@code tooLong} makes, found before the line is buffered whole, so a binary or newline-free file fails
     * fast instead of filling the memory. IOExceptions propagate: only the caller knows whether the stream was
     * compressed.
     *
     * @param initialBuffer the buffer to start with; it grows only while one line fills it
     */
    static void split(InputStream in, int maxLine, int initialBuffer, LineSink sink, Supplier<InputException> tooLong)
            throws IOException {
        final int bufferLimit = (int) Math.min(MAX_BUFFER, Math.max((long) initialBuffer, (long) maxLine + 1));
        byte[] buf = new byte[Math.min(initialBuffer, bufferLimit)];
        int start = 0;
        int end = 0;
        int scan = 0;
        boolean eof = false;
        while (true) {
            int nl = scan;
            while (nl < end && buf[nl] != '\n') {
                nl++;
            }
            if (nl < end) {
                if (nl - start > maxLine) {
                    throw tooLong.get();
                }
                sink.line(buf, start, nl);
                start = nl + 1;
                scan = start;
                continue;
            }
            if (end - start > maxLine) {
                throw tooLong.get();
            }
            if (eof) {
                if (start < end) {
                    sink.line(buf, start, end);
                }
                return;
            }
            // Keep the partial line: slide it to the front, and grow only if one line fills the buffer.
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            scan = end;
            if (end == buf.length) {
                if (buf.length >= bufferLimit) {
                    throw tooLong.get(); // only reachable when maxLine is near the array size limit
                }
                buf = Arrays.copyOf(buf, (int) Math.min(bufferLimit, 2L * buf.length));
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
    }
}
