package org.smpframe.data;

import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 on byte arrays, for readers that must name the line of a broken byte: Java's decoders
 * either replace broken bytes silently ({@code new String}) or report them in a read-ahead buffer far from
 * their line. Rejects what RFC 3629 rejects: stray continuation bytes, truncated sequences, overlong forms,
 * surrogates and code points above U+10FFFF.
 */
final class Utf8 {
    private Utf8() {
    }

    /**
     * The length (1 to 4) of the well-formed UTF-8 sequence starting at {@code b[p]}, which must lie within
     * {@code b[p, e)}; 0 if the bytes there are not one.
     */
    static int sequenceLength(byte[] b, int p, int e) {
        int lead = b[p] & 0xFF;
        if (lead < 0x80) {
            return 1;
        }
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 3;
            if (lead == 0xE0) {
                lo = 0xA0; // below: overlong
            } else if (lead == 0xED) {
                hi = 0x9F; // above: UTF-16 surrogates
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 4;
            if (lead == 0xF0) {
                lo = 0x90; // below: overlong
            } else if (lead == 0xF4) {
                hi = 0x8F; // above: beyond U+10FFFF
            }
        } else {
            return 0; // a continuation byte, an overlong lead (C0, C1) or F5..FF
        }
        if (e - p < n) {
            return 0;
        }
        int second = b[p + 1] & 0xFF;
        if (second < lo || second > hi) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            if ((b[p + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return n;
    }

    /** The code point of the well-formed sequence of {@code n} bytes at {@code b[p]}. */
    static int codePoint(byte[] b, int p, int n) {
        switch (n) {
            case 1:
                return b[p];
            case 2:
                return (b[p] & 0x1F) << 6 | (b[p + 1] & 0x3F);
            case 3:
                return (b[p] & 0x0F) << 12 | (b[p + 1] & 0x3F) << 6 | (b[p + 2] & 0x3F);
            default:
                return (b[p] & 0x07) << 18 | (b[p + 1] & 0x3F) << 12 | (b[p + 2] & 0x3F) << 6 | (b[p + 3] & 0x3F);
        }
    }

    /** The index of the first byte of {@code b[s, e)} that does not start a well-formed sequence, or -1. */
    static int invalidAt(byte[] b, int s, int e) {
        int p = s;
        while (p < e) {
            if (b[p] >= 0) {
                p++;
                continue;
            }
            int n = sequenceLength(b, p, e);
            if (n == 0) {
                return p;
            }
            p += n;
        }
        return -1;
    }

    /**
     * The String of {@code b[s, e)}, or null if the bytes are not well-formed UTF-8 ({@link #invalidAt}
     * says where).
     */
    static String decode(byte[] b, int s, int e) {
        return invalidAt(b, s, e) >= 0 ? null : new String(b, s, e - s, StandardCharsets.UTF_8);
    }

    /** The reason for a broken byte at {@code at} in the line starting at {@code lineStart}. */
    static String problem(byte[] b, int lineStart, int at) {
        return "not valid UTF-8: byte 0x" + String.format("%02X", b[at] & 0xFF) + " at byte " + (at - lineStart + 1)
                + " of the line";
    }
}
