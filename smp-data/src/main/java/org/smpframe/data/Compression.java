package org.smpframe.data;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Recognizes a compressed stream by its magic bytes rather than its file name, so a renamed file
 * or a compressed stream from a pipe still reads, and a plain file named {@code .gz} is not
 * misread. Formats we cannot decode but can recognize are named in the error instead of being
 * parsed as garbage text.
 */
enum Compression {
    NONE("plain"),
    GZIP("gzip"),
    XZ("xz");

    private static final int DECOMPRESS_BUFFER = 1 << 16;

    final String displayName;

    Compression(String displayName) {
        this.displayName = displayName;
    }

    /**
     * Peeks at the first bytes of {@code in} without consuming them.
     *
     * @throws InputException for a recognized but unsupported format (bzip2, zstd, zip, lz4)
     */
    static Compression sniff(BufferedInputStream in, String source) throws IOException {
        byte[] head = new byte[6];
        in.mark(head.length);
        int n = 0;
        while (n < head.length) {
            int r = in.read(head, n, head.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        in.reset();
        if (n >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return GZIP;
        }
        if (n >= 6 && (head[0] & 0xFF) == 0xFD && head[1] == '7' && head[2] == 'z' && head[3] == 'X'
                && head[4] == 'Z' && head[5] == 0) {
            return XZ;
        }
        String unsupported = null;
        if (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
            unsupported = "bzip2";
        } else if (n >= 4 && (head[0] & 0xFF) == 0x28 && (head[1] & 0xFF) == 0xB5 && (head[2] & 0xFF) == 0x2F
                && (head[3] & 0xFF) == 0xFD) {
            unsupported = "zstd";
        } else if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            unsupported = "zip";
        } else if (n >= 4 && (head[0] & 0xFF) == 0x04 && (head[1] & 0xFF) == 0x22 && (head[2] & 0xFF) == 0x4D
                && (head[3] & 0xFF) == 0x18) {
            unsupported = "lz4";
        }
        if (unsupported != null) {
            throw new InputException(source, 0, unsupported
                    + "-compressed data is not supported; decompress it first or recompress with gzip or xz");
        }
        return NONE;
    }

    /**
     * The decompressed view of {@code in}. Closing the returned stream releases the decompressor's
     * native memory but leaves {@code in} open, since it belongs to the caller.
     */
    InputStream open(InputStream in) throws IOException {
        InputStream shielded = new FilterInputStream(in) {
            @Override
            public void close() {
                // The caller owns the underlying stream.
            }
        };
        switch (this) {
            case GZIP:
                return new GZIPInputStream(shielded, DECOMPRESS_BUFFER);
            case XZ:
                return new XZInputStream(shielded);
            default:
                return shielded;
        }
    }
}
