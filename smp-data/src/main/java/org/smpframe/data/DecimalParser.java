package org.smpframe.data;

import java.nio.charset.StandardCharsets;

/**
 * Parses a decimal number straight from bytes, giving bit-for-bit the double that
 * {@link Double#parseDouble(String)} gives, without making a String for the common case.
 *
 * <p>Accepted syntax: {@code [+-] digits [. digits] [(e|E) [+-] digits]}, where either the integer
 * or the fraction digits may be empty but not both. Java's extras (hex floats, {@code d}/{@code f}
 * suffixes, {@code NaN}, {@code Infinity}, surrounding spaces) are deliberately not data syntax.
 *
 * <p>Exactness: when the significant digits form an integer {@code m < 2^53} and the decimal
 * exponent {@code e} is within [-22, 22], both {@code m} and {@code 10^|e|} are exact doubles, so
 * the single IEEE multiply or divide rounds correctly and equals the correctly rounded
 * parseDouble result (Clinger's fast path). That covers almost every value a data file holds;
 * everything else falls back to parseDouble on the token.
 */
final class DecimalParser {

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final long TWO_POW_53 = 1L << 53;
    /** Exponents past this are clamped: the value is 0 or infinite long before, and the int cannot overflow. */
    private static final int EXP_CLAMP = 100_000;

    private DecimalParser() {
    }

    /**
     * Parses {@code b[from, to)}.
     *
     * @return the value (infinite if it overflows), or NaN if the bytes are not a decimal number;
     *         NaN cannot be a legitimate result since the syntax has no NaN
     */
    static double parse(byte[] b, int from, int to) {
        int p = from;
        if (p >= to) {
            return Double.NaN;
        }
        boolean neg = false;
        byte c = b[p];
        if (c == '-') {
            neg = true;
            p++;
        } else if (c == '+') {
            p++;
        }
        long mant = 0;
        int sigDigits = 0;
        int exp = 0;
        boolean anyDigit = false;
        boolean exact = true;
        // Integer part; leading zeros carry no significance and are not counted.
        while (p < to) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            anyDigit = true;
            if (sigDigits < 18) {
                if (mant != 0 || d != 0) {
                    mant = mant * 10 + d;
                    sigDigits++;
                }
            } else {
                exact = false;
            }
            p++;
        }
        if (p < to && b[p] == '.') {
            p++;
            while (p < to) {
                int d = b[p] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                anyDigit = true;
                if (sigDigits < 18) {
                    if (mant != 0 || d != 0) {
                        mant = mant * 10 + d;
                        sigDigits++;
                    }
                    exp--;
                } else {
                    exact = false;
                }
                p++;
            }
        }
        if (!anyDigit) {
            return Double.NaN;
        }
        if (p < to && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            boolean expNeg = false;
            if (p < to && (b[p] == '-' || b[p] == '+')) {
                expNeg = b[p] == '-';
                p++;
            }
            int e = 0;
            int expDigits = 0;
            while (p < to) {
                int d = b[p] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                if (e < EXP_CLAMP) {
                    e = e * 10 + d;
                }
                expDigits++;
                p++;
            }
            if (expDigits == 0) {
                return Double.NaN;
            }
            exp += expNeg ? -e : e;
        }
        if (p != to) {
            return Double.NaN;
        }
        if (mant == 0) {
            // All digits zero: the dropped-digit flag cannot be set, since it needs 18 significant digits first.
            return neg ? -0.0 : 0.0;
        }
        if (exact && mant < TWO_POW_53 && exp >= -22 && exp <= 22) {
            double v = exp < 0 ? (double) mant / POW10[-exp] : (double) mant * POW10[exp];
            return neg ? -v : v;
        }
        // The syntax check above accepted a subset of Java's grammar, so this cannot throw.
        return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    }
}
