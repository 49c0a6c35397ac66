package org.smpframe.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Random valid bag-of-words corpora for the corpus reader tests, and their rendering as untidy files (any
 * run of spaces and tabs between fields, spaces around lines, CRLF, with or without a final line end,
 * trailing blank lines) whose lines tests may edit before rendering.
 */
final class CorpusSamples {

    static final String DATA = "corpus.data";
    static final String VOCAB = "corpus.vocab";

    private CorpusSamples() {
    }

    /** Documents as distinct 0-based word ids with positive counts, over a vocabulary of distinct words. */
    static final class Bag {
        final List<int[]> words = new ArrayList<>();
        final List<int[]> counts = new ArrayList<>();
        final List<String> vocab = new ArrayList<>();

        int numDocs() {
            return words.size();
        }

        int numWords() {
            return vocab.size();
        }

        int numEntries() {
            int n = 0;
            for (int[] w : words) {
                n += w.length;
            }
            return n;
        }

        /** Document d's tokens as the readers expand them: each word repeated count times, in entry order. */
        int[] tokens(int d) {
            int n = 0;
            for (int c : counts.get(d)) {
                n += c;
            }
            int[] t = new int[n];
            int at = 0;
            for (int k = 0; k < words.get(d).length; k++) {
                for (int c = 0; c < counts.get(d)[k]; c++) {
                    t[at++] = words.get(d)[k];
                }
            }
            return t;
        }
    }

    private static final String[] STEMS = {"w", "café", "straße", "x_", "日本", "don't", "Zeta", "ß", "a-b", "ü.1"};

    /** 1..10 documents (some empty, at least one token) over 1..12 words, at most 6 entries a document. */
    static Bag randomBag(Random r) {
        Bag b = new Bag();
        int v = 1 + r.nextInt(12);
        for (int i = 0; i < v; i++) {
            b.vocab.add(STEMS[r.nextInt(STEMS.length)] + i);
        }
        int d = 1 + r.nextInt(10);
        for (int doc = 0; doc < d; doc++) {
            int k = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(Math.min(6, v));
            int[] perm = permutation(r, v);
            int[] words = new int[k];
            int[] counts = new int[k];
            for (int j = 0; j < k; j++) {
                words[j] = perm[j];
                counts[j] = r.nextInt(10) == 0 ? 1 + r.nextInt(300) : 1 + r.nextInt(5);
            }
            b.words.add(words);
            b.counts.add(counts);
        }
        if (b.numEntries() == 0) {
            b.words.set(0, new int[] {r.nextInt(v)});
            b.counts.set(0, new int[] {1 + r.nextInt(3)});
        }
        return b;
    }

    static int[] permutation(Random r, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** The UCI entry rows {docID, wordID, count} (1-based), by document, or shuffled when asked. */
    static List<String[]> uciEntries(Bag b, Random r, boolean shuffle) {
        List<String[]> rows = new ArrayList<>();
        for (int d = 0; d < b.numDocs(); d++) {
            for (int k = 0; k < b.words.get(d).length; k++) {
                rows.add(new String[] {Integer.toString(d + 1), Integer.toString(b.words.get(d)[k] + 1),
                    Integer.toString(b.counts.get(d)[k])});
            }
        }
        if (shuffle) {
            java.util.Collections.shuffle(rows, r);
        }
        return rows;
    }

    /** The LDA-C fields of document d: N, then id:count pairs. */
    static List<String> ldaCFields(Bag b, int d) {
        List<String> f = new ArrayList<>();
        f.add(Integer.toString(b.words.get(d).length));
        for (int k = 0; k < b.words.get(d).length; k++) {
            f.add(b.words.get(d)[k] + ":" + b.counts.get(d)[k]);
        }
        return f;
    }

    /** Fields joined by random runs of spaces and tabs, sometimes with spaces around them. */
    static String join(Random r, List<String> fields) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(6) == 0) {
            sb.append(pick(r, " ", "\t", "  "));
        }
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(r.nextInt(4) == 0 ? pick(r, "\t", "  ", " \t ") : " ");
            }
            sb.append(fields.get(i));
        }
        if (r.nextInt(6) == 0) {
            sb.append(pick(r, " ", "\t", "  "));
        }
        return sb.toString();
    }

    static String join(Random r, String... fields) {
        return join(r, List.of(fields));
    }

    /** How a list of lines becomes bytes. */
    static final class Layout {
        boolean crlf;
        boolean finalNewline = true;
        int trailingBlankLines;
        boolean bom;
    }

    /** A random layout; trailing blank lines only if the format allows them. */
    static Layout layout(Random r, boolean trailingBlanksAllowed) {
        Layout l = new Layout();
        l.crlf = r.nextInt(5) == 0;
        l.finalNewline = r.nextInt(5) != 0;
        l.trailingBlankLines = trailingBlanksAllowed && l.finalNewline && r.nextInt(6) == 0 ? 1 + r.nextInt(3) : 0;
        l.bom = r.nextInt(20) == 0;
        return l;
    }

    static byte[] render(List<String> lines, Layout l) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (l.bom) {
            out.write(0xEF);
            out.write(0xBB);
            out.write(0xBF);
        }
        String nl = l.crlf ? "\r\n" : "\n";
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i).getBytes(StandardCharsets.UTF_8));
            if (i < lines.size() - 1 || l.finalNewline) {
                out.writeBytes(nl.getBytes(StandardCharsets.US_ASCII));
            }
        }
        for (int i = 0; i < l.trailingBlankLines; i++) {
            out.writeBytes((i % 2 == 0 ? nl : " " + nl).getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static ByteArrayInputStream stream(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(utf8(s));
    }

    @SafeVarargs
    static <T> T pick(Random r, T... choices) {
        return choices[r.nextInt(choices.length)];
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

    /**
     * xz at preset 0 with the smallest dictionary and a shared array cache: the encoder's tables, sized by the
     * dictionary, dominate the cost of small inputs.
     */
    static byte[] xz(byte[] data) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            LZMA2Options options = new LZMA2Options(0);
            options.setDictSize(LZMA2Options.DICT_SIZE_MIN);
            try (OutputStream out = new XZOutputStream(bos, options, BasicArrayCache.getInstance())) {
                out.write(data);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
