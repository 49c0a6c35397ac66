package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * One corruption of a valid, untidily formatted ratings file, in any format, plain or compressed,
 * is always an {@link InputException} whose message starts with the source name and, when a line is
 * to blame, blames exactly that physical line; never any other exception. Random byte damage
 * anywhere is either a valid read or an InputException.
 */
class RatingsCorruptionPropertiesTest {

    enum Corruption {
        BAD_RATING, NON_FINITE_RATING, BAD_TIMESTAMP, EMPTY_ID, ID_WHITESPACE, DROP_FIELDS, ADD_FIELDS,
        DUPLICATE_PAIR, TRUNCATE, LINE_TOO_LONG, GZIP_DAMAGE, XZ_TRUNCATED,
        MM_INDEX_OUT_OF_RANGE, MM_BAD_INDEX, MM_MISSING_ENTRIES, MM_EXTRA_ENTRY, MM_BAD_HEADER, MM_BAD_SIZE_LINE
    }

    private static final List<Corruption> TEXT_KINDS = List.of(Corruption.BAD_RATING, Corruption.NON_FINITE_RATING,
            Corruption.BAD_TIMESTAMP, Corruption.EMPTY_ID, Corruption.ID_WHITESPACE, Corruption.DROP_FIELDS,
            Corruption.ADD_FIELDS, Corruption.DUPLICATE_PAIR, Corruption.TRUNCATE, Corruption.LINE_TOO_LONG,
            Corruption.GZIP_DAMAGE, Corruption.XZ_TRUNCATED);
    private static final List<Corruption> MM_KINDS = List.of(Corruption.BAD_RATING, Corruption.NON_FINITE_RATING,
            Corruption.DROP_FIELDS, Corruption.ADD_FIELDS, Corruption.DUPLICATE_PAIR, Corruption.LINE_TOO_LONG,
            Corruption.GZIP_DAMAGE, Corruption.XZ_TRUNCATED, Corruption.MM_INDEX_OUT_OF_RANGE,
            Corruption.MM_BAD_INDEX, Corruption.MM_MISSING_ENTRIES, Corruption.MM_EXTRA_ENTRY,
            Corruption.MM_BAD_HEADER, Corruption.MM_BAD_SIZE_LINE);

    private static final int MAX_LINE = 100;

    /** What the error must look like: the line to blame (0: none) and a fragment of the reason, if any. */
    private record Expected(int line, String fragment) {
    }

    @Property(tries = 10_000)
    void oneCorruptionIsAnInputExceptionBlamingItsLine(@ForAll RatingsFormat format, @ForAll boolean detect,
                                                        @ForAll long seed) {
        Random r = new Random(seed);
        boolean mm = format == RatingsFormat.MATRIX_MARKET;
        List<Corruption> kinds = new ArrayList<>(mm ? MM_KINDS : TEXT_KINDS);
        if (format == RatingsFormat.TSV) {
            kinds.remove(Corruption.EMPTY_ID); // an empty TSV field is no field: that is DROP_FIELDS
        }
        Corruption kind = kinds.get(r.nextInt(kinds.size()));
        RatingsSamples.Sample s = RatingsSamples.random(r, format, detect);

        int target = r.nextInt(s.rows.size());
        String fragment = corrupt(s, kind, target, r);
        // A duplicate and an entry beyond the declared count are noticed on the last data line.
        int expectTarget = kind == Corruption.DUPLICATE_PAIR || kind == Corruption.MM_EXTRA_ENTRY
                ? s.rows.size() - 1 : target;

        RatingsSamples.Rendered out = RatingsSamples.render(s, r);
        byte[] bytes = out.bytes;
        Expected expected;
        switch (kind) {
            case GZIP_DAMAGE: {
                byte[] gz = RatingsSamples.gzip(bytes);
                if (r.nextBoolean()) {
                    bytes = Arrays.copyOf(gz, 2 + r.nextInt(gz.length - 2)); // keeps the magic, loses the end
                } else {
                    bytes = gz.clone();
                    bytes[gz.length - 1 - r.nextInt(8)] ^= (byte) (1 + r.nextInt(255)); // CRC-32 or length trailer
                }
                expected = new Expected(0, "gzip");
                break;
            }
            case XZ_TRUNCATED: {
                byte[] xz = RatingsSamples.xz(bytes);
                bytes = Arrays.copyOf(xz, 6 + r.nextInt(xz.length - 6));
                expected = new Expected(0, "xz");
                break;
            }
            case MM_MISSING_ENTRIES:
                expected = new Expected(0, "unexpected end of file");
                break;
            case MM_BAD_HEADER:
                expected = new Expected(out.bannerLine, fragment);
                break;
            case MM_BAD_SIZE_LINE:
                expected = new Expected(out.sizeLineNo, fragment);
                break;
            case DUPLICATE_PAIR:
                expected = new Expected(out.rowLine[expectTarget], "already rated on line " + out.rowLine[target]);
                break;
            default:
                expected = new Expected(out.rowLine[expectTarget], fragment);
                int packing = r.nextInt(20);
                if (packing < 3) {
                    bytes = RatingsSamples.gzip(bytes);
                } else if (packing == 3) {
                    bytes = RatingsSamples.xz(bytes);
                }
        }

        RatingsReader.Options o = RatingsReader.Options.defaults().withMaxLineLength(MAX_LINE);
        if (!detect) {
            o = o.withFormat(format);
        }
        if (r.nextInt(4) == 0) { // the given maps must come out of a failed read unchanged
            o = o.withUsers(IdMap.create()).withItems(IdMap.create());
            o.users().intern("someone");
        }
        try {
            RatingsReader.read(new ByteArrayInputStream(bytes), RatingsSamples.SOURCE, o);
            fail("no error for %s (%s) in:%n%s", kind, format, out.text());
        } catch (InputException e) {
            String where = RatingsSamples.SOURCE + (expected.line > 0 ? ":" + expected.line : "") + ": ";
            assertThat(e.getMessage()).as("%s (%s) in:%n%s", kind, format, out.text()).startsWith(where);
            assertThat(e.line()).isEqualTo(expected.line);
            if (expected.fragment != null) {
                assertThat(e.reason()).as("%s (%s) in:%n%s", kind, format, out.text()).contains(expected.fragment);
            }
            if (o.users() != null) {
                assertThat(o.users().size()).isEqualTo(1);
                assertThat(o.items().size()).isZero();
            }
        } catch (Throwable t) {
            throw new AssertionError("not an InputException for " + kind + " (" + format + "): " + t + " in:\n"
                    + out.text(), t);
        }
    }

    /**
     * Damages the sample's model in place so that exactly one thing is wrong; returns a fragment the
     * reason must contain, or null when the wording depends on how the damage reads.
     */
    private static String corrupt(RatingsSamples.Sample s, Corruption kind, int target, Random r) {
        boolean mm = s.format == RatingsFormat.MATRIX_MARKET;
        boolean tsv = s.format == RatingsFormat.TSV;
        List<String> row = s.rows.get(target);
        if (s.format == RatingsFormat.CSV && target == 0) {
            // A first line whose rating is a word would be taken for a header, so make sure there is one.
            s.csvHeader |= kind == Corruption.BAD_RATING;
        }
        switch (kind) {
            case BAD_RATING: {
                String bad = RatingsSamples.pick(r, "abc", "4..5", "x1", "--2", "0x10", "1e", "+", ".", "4.5.6", "1_0");
                if (!tsv && !mm && r.nextInt(5) == 0) {
                    bad = ""; // an empty field only exists where fields have explicit separators
                }
                row.set(2, bad);
                return bad.isEmpty() ? (mm ? "empty value" : "empty rating") : "'" + bad + "'";
            }
            case NON_FINITE_RATING: {
                String bad = RatingsSamples.pick(r, "nan", "NaN", "inf", "-Inf", "Infinity", "1e999", "-1e39",
                        "3.5e38");
                row.set(2, bad);
                return "'" + bad + "' is not finite";
            }
            case BAD_TIMESTAMP: {
                String bad = RatingsSamples.pick(r, "12.5", "abc", "1e9", "99999999999999999999", "0x10", "--1", "+");
                if (!tsv && r.nextInt(5) == 0) {
                    bad = "";
                }
                if (row.size() == 4) {
                    row.set(3, bad);
                } else {
                    row.add(bad);
                }
                return "timestamp";
            }
            case EMPTY_ID: {
                int which = r.nextInt(2);
                row.set(which, RatingsSamples.pick(r, "", " ", "\t"));
                return "empty " + (which == 0 ? "user" : "item") + " id";
            }
            case ID_WHITESPACE: {
                int which = r.nextInt(2);
                String space = tsv ? RatingsSamples.pick(r, "\u00A0", "\u2003", "\u001F", "\u3000")
                        : RatingsSamples.pick(r, " ", "\t", "\u00A0", "\u2003", "\u001F", "\u000B");
                row.set(which, row.get(which) + space + "x");
                return "whitespace";
            }
            case DROP_FIELDS:
                while (row.size() > (mm ? 1 + r.nextInt(2) : 1 + r.nextInt(2))) {
                    row.remove(row.size() - 1);
                }
                return mm ? "expected 3 fields" : "expected 3 or 4 fields";
            case ADD_FIELDS:
                while (row.size() < (mm ? 4 + r.nextInt(2) : 5 + r.nextInt(2))) {
                    row.add(RatingsSamples.pick(r, "7", "x", "3.5", "0"));
                }
                return mm ? "expected 3 fields" : "expected 3 or 4 fields";
            case DUPLICATE_PAIR: {
                List<String> copy = new ArrayList<>(row);
                copy.set(2, mm && s.mmInteger ? RatingsSamples.integerValue(r) : RatingsSamples.value(r));
                if (copy.size() == 4 && r.nextBoolean()) {
                    copy.remove(3);
                }
                s.rows.add(copy); // after every other line, so it is the second occurrence
                if (mm) {
                    s.sizeLine = s.mmRows + " " + s.mmCols + " " + s.rows.size();
                }
                return null;
            }
            case TRUNCATE: {
                // Cut inside the item field: the last line keeps a user and at most part of an item.
                while (s.rows.size() > target + 1) {
                    s.rows.remove(s.rows.size() - 1);
                }
                String item = row.get(1);
                String prefix = item.substring(0, r.nextInt(item.length() + 1));
                while (row.size() > 1) {
                    row.remove(row.size() - 1);
                }
                if (!prefix.isEmpty() || r.nextBoolean()) {
                    row.add(prefix);
                }
                s.cutAfterLastRow = true;
                return null; // usually too few fields, but a cut first line may also change the detected format
            }
            case LINE_TOO_LONG:
                s.padRow = target;
                s.padTo = MAX_LINE + 1 + r.nextInt(300);
                return "maxLineLength";
            case MM_INDEX_OUT_OF_RANGE: {
                int which = r.nextInt(2);
                long limit = which == 0 ? s.mmRows : s.mmCols;
                String bad = RatingsSamples.pick(r, "0", "-1", "-" + (1 + r.nextInt(50)), Long.toString(limit + 1),
                        Long.toString(limit + 1 + r.nextInt(1000)), "99999999999999999999999");
                row.set(which, bad);
                return (which == 0 ? "row" : "column") + " index " + bad;
            }
            case MM_BAD_INDEX: {
                int which = r.nextInt(2);
                String bad = RatingsSamples.pick(r, "1.5", "x", "1e2", "0x1", "--1", "+");
                row.set(which, bad);
                return "invalid " + (which == 0 ? "row" : "column") + " index '" + bad + "'";
            }
            case MM_MISSING_ENTRIES: {
                int keep = r.nextInt(s.rows.size());
                while (s.rows.size() > keep) {
                    s.rows.remove(s.rows.size() - 1);
                }
                return null;
            }
            case MM_EXTRA_ENTRY:
                s.sizeLine = s.mmRows + " " + s.mmCols + " " + (s.rows.size() - 1);
                return "more entries than the " + (s.rows.size() - 1) + " declared";
            case MM_BAD_HEADER: {
                String bad = RatingsSamples.pick(r,
                        "%%MatrixMarket matrix coordinate pattern general",
                        "%%MatrixMarket matrix coordinate complex general",
                        "%%MatrixMarket matrix array real general",
                        "%%MatrixMarket matrix coordinate real symmetric",
                        "%%MatrixMarket matrix coordinate integer skew-symmetric",
                        "%%MatrixMarket matrix coordinate real hermitian",
                        "%%MatrixMarket vector coordinate real general",
                        "%%MatrixMarket matrix coordinate real",
                        "%%MatrixMarket",
                        "%%MatrixMarket matrix coordinate real general extra",
                        "%%MatrixMarket matrix sparse real general",
                        "%%MatrixMarket matrix coordinate double general",
                        "%%MatrixMarket matrix coordinate real diagonal");
                s.banner = bad;
                return "MatrixMarket";
            }
            case MM_BAD_SIZE_LINE: {
                long n = s.rows.size();
                String bad = RatingsSamples.pick(r, s.mmRows + " " + s.mmCols, s.mmRows + " " + s.mmCols + " " + n + " 1",
                        "x " + s.mmCols + " " + n, s.mmRows + " " + s.mmCols + " -" + n, s.mmRows + ".0 " + s.mmCols + " " + n,
                        s.mmRows + " " + s.mmCols + " " + (s.mmRows * s.mmCols + 1), "size",
                        "1 1 99999999999999999999999", "# " + s.mmRows + " " + s.mmCols + " " + n);
                s.sizeLine = bad;
                return "size line";
            }
            default:
                return null; // GZIP_DAMAGE and XZ_TRUNCATED damage the bytes after rendering
        }
    }

    private static final byte[] NOISE = " \t\n\r:,#%.-+eE0123456789nax\u0000\u00ff".getBytes(
            java.nio.charset.StandardCharsets.ISO_8859_1);

    @Property(tries = 1000)
    void randomByteDamageIsAnInputExceptionOrAValidRead(@ForAll RatingsFormat format, @ForAll boolean detect,
                                                        @ForAll long seed) {
        Random r = new Random(seed);
        RatingsSamples.Sample s = RatingsSamples.random(r, format, detect);
        byte[] bytes = RatingsSamples.render(s, r).bytes;
        int packing = r.nextInt(8);
        if (packing < 2) {
            bytes = RatingsSamples.gzip(bytes);
        } else if (packing == 2) {
            bytes = RatingsSamples.xz(bytes);
        }
        byte[] damaged = damage(bytes, r);
        long lines = 1;
        for (byte b : damaged) {
            lines += b == '\n' ? 1 : 0;
        }
        RatingsReader.Options o = detect ? RatingsReader.Options.defaults()
                : RatingsReader.Options.defaults().withFormat(format);
        try {
            Ratings got = RatingsReader.read(new ByteArrayInputStream(damaged), "damaged", o);
            assertThat(got.size()).isPositive();
            for (float v : got.values()) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("damaged:");
            assertThat(e.line()).isBetween(0L, packing < 3 ? Long.MAX_VALUE : lines);
        } catch (Throwable t) {
            throw new AssertionError("not an InputException: " + t, t);
        }
    }

    private static byte[] damage(byte[] good, Random r) {
        List<Byte> bytes = new ArrayList<>(good.length + 8);
        for (byte b : good) {
            bytes.add(b);
        }
        int edits = 1 + r.nextInt(4);
        for (int k = 0; k < edits; k++) {
            int at = r.nextInt(bytes.size() + 1);
            byte noise = r.nextBoolean() ? NOISE[r.nextInt(NOISE.length)] : (byte) r.nextInt(256);
            switch (r.nextInt(4)) {
                case 0:
                    bytes.add(at, noise);
                    break;
                case 1:
                    if (at < bytes.size()) {
                        bytes.set(at, noise);
                    }
                    break;
                case 2:
                    if (at < bytes.size()) {
                        bytes.remove(at);
                    }
                    break;
                default:
                    while (bytes.size() > at) { // truncation
                        bytes.remove(bytes.size() - 1);
                    }
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }
}
