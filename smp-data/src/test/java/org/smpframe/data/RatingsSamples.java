package org.smpframe.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Random, valid, untidily formatted ratings files in every {@link RatingsFormat}, as a model
 * (fields per data line) that tests can damage before rendering it, and that remembers on which
 * physical line each data line, the MatrixMarket header and the size line ended up.
 */
final class RatingsSamples {

    static final String SOURCE = "fuzz.data";

    private RatingsSamples() {
    }

    /** A ratings file before rendering; tests edit the fields freely. */
    static final class Sample {
        RatingsFormat format;
        /** CSV: a header line before the data. */
        boolean csvHeader;
        /** MatrixMarket header and size line, as text. */
        String banner;
        String sizeLine;
        boolean mmInteger;
        long mmRows;
        long mmCols;
        /** One list of fields per data line. */
        List<List<String>> rows = new ArrayList<>();
        /** End the file right after the last data line: no noise lines, no final line end. */
        boolean cutAfterLastRow;
        /** Pad this data line with trailing spaces to this many bytes (-1: none). */
        int padRow = -1;
        int padTo;
    }

    /** A rendered sample and where its lines went (1-based physical lines). */
    static final class Rendered {
        byte[] bytes;
        int[] rowLine;
        int bannerLine;
        int sizeLineNo;

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * A valid sample of 1..25 ratings with distinct (user, item) pairs.
     *
     * @param detect the reader will detect the format, so ids must not contain what would change the
     *               guess (a ',' in a TSV id, or in a MovieLens id on a line that lost its '::')
     */
    static Sample random(Random r, RatingsFormat format, boolean detect) {
        Sample s = new Sample();
        s.format = format;
        int n = 1 + r.nextInt(25);
        if (format == RatingsFormat.MATRIX_MARKET) {
            s.mmRows = 1 + r.nextInt(12);
            s.mmCols = 2 + r.nextInt(12);
            n = (int) Math.max(1, Math.min(n, s.mmRows * s.mmCols / 2));
            s.mmInteger = r.nextInt(3) == 0;
            s.banner = pick(r, "%%MatrixMarket matrix coordinate " + (s.mmInteger ? "integer" : "real") + " general",
                    "%%MatrixMarket  Matrix\tCOORDINATE " + (s.mmInteger ? "Integer" : "Real") + " General ",
                    "%%matrixmarket matrix coordinate " + (s.mmInteger ? "INTEGER" : "REAL") + " general");
            Set<Long> seen = new HashSet<>();
            while (s.rows.size() < n) {
                long i = 1 + r.nextInt((int) s.mmRows);
                long j = 1 + r.nextInt((int) s.mmCols);
                if (seen.add(i * 1000 + j)) {
                    s.rows.add(fields(indexText(r, i), indexText(r, j), s.mmInteger ? integerValue(r) : value(r)));
                }
            }
            s.sizeLine = pick(r, " ", "", "\t") + s.mmRows + pick(r, " ", "  ", "\t") + s.mmCols + pick(r, " ", "\t")
                    + n + pick(r, "", " ");
            return s;
        }
        s.csvHeader = format == RatingsFormat.CSV && r.nextBoolean();
        List<String> users = ids(r, 1 + r.nextInt(8), "u", format, detect);
        List<String> items = ids(r, 1 + r.nextInt(10), "i", format, detect);
        n = Math.min(n, users.size() * items.size());
        int timestamps = r.nextInt(3); // 0: none, 1: all, 2: some lines
        Set<String> seen = new HashSet<>();
        while (s.rows.size() < n) {
            String u = users.get(r.nextInt(users.size()));
            String i = items.get(r.nextInt(items.size()));
            if (seen.add(u + "\u0000" + i)) {
                List<String> f = fields(u, i, value(r));
                if (timestamps == 1 || timestamps == 2 && r.nextBoolean()) {
                    f.add(Long.toString(r.nextInt(4) == 0 ? -r.nextInt(1000) : 800_000_000L + r.nextInt(400_000_000)));
                }
                s.rows.add(f);
            }
        }
        return s;
    }

    static List<String> fields(String... f) {
        return new ArrayList<>(List.of(f));
    }

    private static String indexText(Random r, long i) {
        switch (r.nextInt(10)) {
            case 0:
                return "0" + i;
            case 1:
                return "+" + i;
            default:
                return Long.toString(i);
        }
    }

    private static List<String> ids(Random r, int n, String prefix, RatingsFormat f, boolean detect) {
        String alphabet = "abcxyz019_-.@/|üé日";
        if ((f == RatingsFormat.MOVIELENS || f == RatingsFormat.TSV) && !detect) {
            // Not when detecting: a damaged first line without its '::' would be taken for CSV.
            alphabet += ",";
        }
        Set<String> out = new HashSet<>();
        List<String> list = new ArrayList<>();
        while (list.size() < n) {
            String id;
            switch (r.nextInt(3)) {
                case 0:
                    id = Integer.toString(1 + r.nextInt(2000));
                    break;
                case 1:
                    id = prefix + r.nextInt(100);
                    break;
                default:
                    StringBuilder sb = new StringBuilder();
                    int len = 1 + r.nextInt(6);
                    for (int k = 0; k < len; k++) {
                        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                    }
                    id = sb.toString();
            }
            if (out.add(id)) {
                list.add(id);
            }
        }
        return list;
    }

    static String value(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return Integer.toString(1 + r.nextInt(5));
            case 1:
                return pick(r, "3.5", "4.0", "0.5", "-1", "-2.25", "1e-3", "2E1", "+4", "4.", ".5", "0", "-0.0");
            case 2:
                return Float.toString(r.nextFloat() * 10 - 5);
            default:
                return Double.toString(Math.round(r.nextGaussian() * 1000) / 100.0);
        }
    }

    static String integerValue(Random r) {
        return pick(r, "5", "-3", "+2", "0", Integer.toString(r.nextInt(100)));
    }

    static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /** Renders with random blank and comment lines, spacing, line ends and maybe a byte order mark. */
    static Rendered render(Sample s, Random r) {
        String eol = r.nextInt(4) == 0 ? "\r\n" : "\n";
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(10) == 0) {
            sb.append('\uFEFF');
        }
        int[] line = {0};
        Rendered out = new Rendered();
        out.rowLine = new int[s.rows.size()];
        boolean mm = s.format == RatingsFormat.MATRIX_MARKET;
        // Before the first meaningful line, every format skips blank and '#' lines.
        noise(sb, r, eol, line, "# leading comment, with :: and 1,2,3");
        if (mm) {
            sb.append(s.banner).append(eol);
            out.bannerLine = ++line[0];
            noise(sb, r, eol, line, "% a MatrixMarket comment 1 2 3");
            sb.append(s.sizeLine).append(eol);
            out.sizeLineNo = ++line[0];
        } else if (s.csvHeader) {
            sb.append(pick(r, "userId,movieId,rating", "user , item , rating , timestamp", "u,i,r,t")).append(eol);
            line[0]++;
        }
        for (int k = 0; k < s.rows.size(); k++) {
            boolean last = k == s.rows.size() - 1;
            noise(sb, r, eol, line, mm ? "% entry comment" : "# comment " + k + ",x::y");
            int lineStart = sb.length();
            join(sb, s.rows.get(k), s.format, r);
            if (k == s.padRow) {
                int bytesSoFar = sb.substring(lineStart).getBytes(StandardCharsets.UTF_8).length;
                sb.append(" ".repeat(Math.max(0, s.padTo - bytesSoFar)));
            }
            out.rowLine[k] = ++line[0];
            if (!(last && s.cutAfterLastRow)) {
                sb.append(eol);
            }
        }
        if (!s.cutAfterLastRow) {
            noise(sb, r, eol, line, mm ? "% trailing" : "# trailing");
            if (r.nextInt(4) == 0) {
                sb.setLength(sb.length() - eol.length()); // no line end after the last line
            }
        }
        out.bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        return out;
    }

    private static void noise(StringBuilder sb, Random r, String eol, int[] line, String comment) {
        while (r.nextInt(4) == 0) {
            sb.append(pick(r, "", " \t", "  ", comment, "  " + comment)).append(eol);
            line[0]++;
        }
    }

    private static void join(StringBuilder sb, List<String> fields, RatingsFormat f, Random r) {
        if (f == RatingsFormat.TSV || f == RatingsFormat.MATRIX_MARKET) {
            if (r.nextInt(6) == 0) {
                sb.append(pick(r, " ", "\t"));
            }
            for (int k = 0; k < fields.size(); k++) {
                if (k > 0) {
                    sb.append(pick(r, "\t", "\t", " ", "  ", " \t"));
                }
                sb.append(fields.get(k));
            }
            if (r.nextInt(6) == 0) {
                sb.append(pick(r, " ", "\t"));
            }
            return;
        }
        String sep = f == RatingsFormat.CSV ? "," : "::";
        for (int k = 0; k < fields.size(); k++) {
            if (k > 0) {
                sb.append(r.nextInt(8) == 0 ? pick(r, " ", "\t") + sep + " " : sep);
            }
            sb.append(fields.get(k));
        }
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(bos)) {
                out.write(data);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** xz at preset 0 with a shared array cache: the encoder's buffers dominate the cost of small inputs. */
    static byte[] xz(byte[] data) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (OutputStream out = new XZOutputStream(bos, new LZMA2Options(0), BasicArrayCache.getInstance())) {
                out.write(data);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Ratings read(byte[] bytes, RatingsReader.Options o) {
        return RatingsReader.read(new ByteArrayInputStream(bytes), SOURCE, o);
    }

    static Ratings read(String text, RatingsReader.Options o) {
        return read(text.getBytes(StandardCharsets.UTF_8), o);
    }

    static Ratings read(String text) {
        return read(text, RatingsReader.Options.defaults());
    }
}
