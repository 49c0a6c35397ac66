package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * One corruption of a valid, untidily formatted corpus, in each format, plain or compressed, is always an
 * {@link InputException} whose message starts with the name of the broken file and, when a line is to blame,
 * blames exactly that physical line; never any other exception. Random byte damage anywhere is either a
 * valid read or an InputException.
 */
class CorpusCorruptionPropertiesTest {

    private static final int MAX_LINE = 100;
    private static final String DATA = CorpusSamples.DATA;
    private static final String VOCAB = CorpusSamples.VOCAB;
    /** A private-use character rendered in place of invalid UTF-8 bytes: U+E000 is EE 80 80. */
    private static final String MARK = "\uE000";
    private static final byte[][] BAD_UTF8 = {{(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC0, (byte) 0x80},
        {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF5, (byte) 0x80}, {(byte) 0xFE}, {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}};
    private static final String[] WORD_SPACES = {" ", "\t", "\u00A0", "\u2003", "\u3000", "\u000B", "\u001F", "\u2028"};

    /** The file and line the error must name, and a fragment of its reason (null: the wording varies). */
    private record Expected(String file, long line, String fragment) {
    }

    /** A corpus file as lines before rendering, and how it is rendered and packed. */
    private static final class File {
        final String name;
        List<String> lines;
        CorpusSamples.Layout layout;
        /** 0 plain, 1 gzip, 2 xz; damage: 3 gzip damaged, 4 xz truncated. */
        int packing;
        byte[] badUtf8;

        File(String name, List<String> lines, CorpusSamples.Layout layout, Random r) {
            this.name = name;
            this.lines = lines;
            this.layout = layout;
            int p = r.nextInt(40);
            this.packing = p < 6 ? 1 : p == 6 ? 2 : 0;
        }

        /** Cut: no line end after the last line and no trailing blank lines. */
        void cut() {
            layout.finalNewline = false;
            layout.trailingBlankLines = 0;
        }

        byte[] bytes(Random r) {
            byte[] b = CorpusSamples.render(lines, layout);
            if (badUtf8 != null) {
                b = replaceMark(b, badUtf8);
            }
            switch (packing) {
                case 1:
                    return CorpusSamples.gzip(b);
                case 2:
                    return CorpusSamples.xz(b);
                case 3: {
                    byte[] gz = CorpusSamples.gzip(b);
                    if (r.nextBoolean()) {
                        return Arrays.copyOf(gz, 2 + r.nextInt(gz.length - 2)); // keeps the magic, loses the end
                    }
                    gz[gz.length - 1 - r.nextInt(8)] ^= (byte) (1 + r.nextInt(255)); // CRC-32 or length trailer
                    return gz;
                }
                case 4: {
                    byte[] xz = CorpusSamples.xz(b);
                    return Arrays.copyOf(xz, 6 + r.nextInt(xz.length - 6));
                }
                default:
                    return b;
            }
        }

        String text() {
            return name + " (packing " + packing + "):\n" + String.join("\n", lines);
        }
    }

    private static byte[] replaceMark(byte[] b, byte[] bad) {
        byte[] mark = MARK.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + mark.length <= b.length; i++) {
            if (Arrays.equals(b, i, i + mark.length, mark, 0, mark.length)) {
                byte[] out = new byte[b.length - mark.length + bad.length];
                System.arraycopy(b, 0, out, 0, i);
                System.arraycopy(bad, 0, out, i, bad.length);
                System.arraycopy(b, i + mark.length, out, i + bad.length, b.length - i - mark.length);
                return out;
            }
        }
        throw new AssertionError("no mark to replace");
    }

    /** Runs {@code read}, which must fail as {@code expected} says. */
    private static void expectFailure(Supplier<Corpus> read, Expected expected, Object kind, String context) {
        try {
            Corpus c = read.get();
            fail("no error for %s, read %s, in:%n%s", kind, c, context);
        } catch (InputException e) {
            String where = expected.file + (expected.line > 0 ? ":" + expected.line : "") + ": ";
            assertThat(e.getMessage()).as("%s in:%n%s", kind, context).startsWith(where);
            assertThat(e.file()).isEqualTo(expected.file);
            assertThat(e.line()).isEqualTo(expected.line);
            if (expected.fragment != null) {
                assertThat(e.reason()).as("%s in:%n%s", kind, context).contains(expected.fragment);
            }
        } catch (Throwable t) {
            throw new AssertionError("not an InputException for " + kind + ": " + t + " in:\n" + context, t);
        }
    }

    /** Inserts {@link #MARK} somewhere in {@code s} (between chars: the samples have no surrogate pairs). */
    private static String withMark(String s, Random r) {
        int at = r.nextInt(s.length() + 1);
        return s.substring(0, at) + MARK + s.substring(at);
    }

    private static String withSpace(String word, Random r) {
        int at = r.nextInt(word.length() + 1);
        return word.substring(0, at) + CorpusSamples.pick(r, WORD_SPACES) + word.substring(at);
    }

    // ---- UCI ----

    enum UciKind {
        HEADER_GARBAGE, MISSING_HEADER_LINE, SHORT_FILE, BAD_FIELD, ID_OUT_OF_RANGE, FIELD_COUNT, DUPLICATE,
        NNZ_TOO_SMALL, NNZ_TOO_LARGE, TRUNCATE, LINE_TOO_LONG, BLANK_LINE, HUGE_COUNT,
        VOCAB_SHORT, VOCAB_LONG, VOCAB_DUPLICATE, VOCAB_WHITESPACE, VOCAB_BLANK_LINE, VOCAB_BAD_UTF8,
        GZIP_DAMAGE, XZ_TRUNCATED
    }

    private static final String[] BAD_NUMBERS = {"x", "1.5", "-1", "0", "99999999999", "+1", "1e3", "0x1", "-0",
        "١", "1,5", "²"};

    @Property(tries = 10_000)
    void uciCorruptionIsAnInputExceptionBlamingItsLine(@ForAll UciKind kind, @ForAll long seed) {
        Random r = new Random(seed);
        CorpusSamples.Bag b = CorpusSamples.randomBag(r);
        List<String[]> rows = CorpusSamples.uciEntries(b, r, r.nextInt(4) == 0);
        long d = b.numDocs();
        long w = b.numWords();
        int nnz = rows.size();
        List<String> dl = new ArrayList<>();
        dl.add(CorpusSamples.join(r, Long.toString(d)));
        dl.add(CorpusSamples.join(r, Long.toString(w)));
        dl.add(CorpusSamples.join(r, Integer.toString(nnz)));
        for (String[] row : rows) {
            dl.add(CorpusSamples.join(r, row));
        }
        File doc = new File(DATA, dl, CorpusSamples.layout(r, true), r);
        File voc = new File(VOCAB, new ArrayList<>(b.vocab), CorpusSamples.layout(r, true), r);
        int k = r.nextInt(nnz);
        String[] row = rows.get(k).clone();
        Expected ex;
        switch (kind) {
            case HEADER_GARBAGE: {
                int h = r.nextInt(3);
                dl.set(h, CorpusSamples.pick(r, "x", "0", "-1", "", " ", "1 2", "99999999999", "2.5", "1e3", "+3",
                        "0x10", "3\u00A0"));
                ex = new Expected(DATA, h + 1, "UCI header line " + (h + 1));
                break;
            }
            case MISSING_HEADER_LINE:
                dl.remove(r.nextInt(3)); // the first entry becomes header line 3
                ex = new Expected(DATA, 3, "UCI header line 3");
                break;
            case SHORT_FILE: {
                int h = r.nextInt(3);
                doc.lines = new ArrayList<>(dl.subList(0, h));
                doc.layout.bom = false;
                doc.layout.trailingBlankLines = 0;
                ex = new Expected(DATA, 0, h == 0 ? "empty file" : "missing header line " + (h + 1));
                break;
            }
            case BAD_FIELD: {
                int f = r.nextInt(3);
                row[f] = CorpusSamples.pick(r, BAD_NUMBERS);
                dl.set(3 + k, CorpusSamples.join(r, row));
                ex = new Expected(DATA, 4 + k, f == 0 ? "document id" : f == 1 ? "word id" : "count");
                break;
            }
            case ID_OUT_OF_RANGE: {
                int f = r.nextInt(2);
                row[f] = Long.toString((f == 0 ? d : w) + 1 + r.nextInt(1000));
                dl.set(3 + k, CorpusSamples.join(r, row));
                ex = new Expected(DATA, 4 + k, (f == 0 ? "document id " : "word id ") + row[f] + " exceeds the");
                break;
            }
            case FIELD_COUNT: {
                List<String> fields = new ArrayList<>(List.of(row));
                if (r.nextBoolean()) {
                    fields.subList(1 + r.nextInt(2), 3).clear();
                } else {
                    fields.add(CorpusSamples.pick(r, "1", "x", "0"));
                    if (r.nextBoolean()) {
                        fields.add("7");
                    }
                }
                dl.set(3 + k, CorpusSamples.join(r, fields));
                ex = new Expected(DATA, 4 + k, "expected 3 fields");
                break;
            }
            case DUPLICATE: {
                int j = k + 1 + r.nextInt(nnz - k); // after the original
                String[] copy = row.clone();
                copy[2] = Integer.toString(1 + r.nextInt(9));
                dl.add(3 + j, CorpusSamples.join(r, copy));
                dl.set(2, Integer.toString(nnz + 1));
                ex = nnz + 1 > d * w ? new Expected(DATA, 3, "(document, word) pairs")
                        : new Expected(DATA, 4 + j, "already on line " + (4 + k));
                break;
            }
            case NNZ_TOO_SMALL:
                if (nnz >= 2) {
                    int declared = 1 + r.nextInt(nnz - 1);
                    dl.set(2, Integer.toString(declared));
                    ex = new Expected(DATA, 4 + declared, "more entries than the " + declared + " declared");
                    break;
                }
                // fall through: one entry cannot be too many
            case NNZ_TOO_LARGE: {
                long declared = nnz + 1 + r.nextInt(5);
                dl.set(2, Long.toString(declared));
                ex = declared > d * w ? new Expected(DATA, 3, "(document, word) pairs")
                        : new Expected(DATA, 0, "unexpected end of file");
                break;
            }
            case TRUNCATE: {
                String partial = CorpusSamples.join(r, row[0], row[1]);
                partial = partial.substring(0, r.nextInt(partial.length() + 1));
                doc.lines = new ArrayList<>(dl.subList(0, 3 + k));
                doc.lines.add(partial);
                doc.cut();
                ex = partial.isBlank() ? new Expected(DATA, 0, "unexpected end of file")
                        : new Expected(DATA, 4 + k, "expected 3 fields");
                break;
            }
            case LINE_TOO_LONG: {
                int t = r.nextInt(dl.size());
                dl.set(t, dl.get(t) + " ".repeat(MAX_LINE + 1 + r.nextInt(200)));
                ex = new Expected(DATA, t + 1, "maxLineLength");
                break;
            }
            case BLANK_LINE: {
                int j = r.nextInt(nnz);
                dl.add(3 + j, CorpusSamples.pick(r, "", " ", "\t"));
                ex = new Expected(DATA, 4 + j, "blank line");
                break;
            }
            case HUGE_COUNT:
                row[2] = CorpusSamples.pick(r, "2147483647", "2147483640");
                dl.set(3 + k, CorpusSamples.join(r, row));
                ex = new Expected(DATA, 4 + k, "tokens, more than");
                break;
            case VOCAB_SHORT: {
                int keep = r.nextInt((int) w);
                voc.lines = new ArrayList<>(voc.lines.subList(0, keep));
                ex = new Expected(VOCAB, 0, "only " + keep + " words");
                break;
            }
            case VOCAB_LONG: {
                int extra = 1 + r.nextInt(3);
                for (int i = 0; i < extra; i++) {
                    voc.lines.add(r.nextInt(voc.lines.size() + 1), "extra" + i);
                }
                ex = new Expected(VOCAB, w + 1, "more words than the " + w + " declared on line 2 of " + DATA);
                break;
            }
            case VOCAB_DUPLICATE:
                if (w >= 2) {
                    int i = r.nextInt((int) w - 1);
                    int j = i + 1 + r.nextInt((int) w - 1 - i);
                    voc.lines.set(j, voc.lines.get(i));
                    ex = new Expected(VOCAB, j + 1, "already on line " + (i + 1));
                } else {
                    voc.lines.add(voc.lines.get(0));
                    ex = new Expected(VOCAB, 2, "more words than");
                }
                break;
            case VOCAB_WHITESPACE: {
                int i = r.nextInt((int) w);
                voc.lines.set(i, withSpace(voc.lines.get(i), r));
                ex = new Expected(VOCAB, i + 1, "whitespace");
                break;
            }
            case VOCAB_BLANK_LINE: {
                int i = r.nextInt((int) w);
                voc.lines.add(i, CorpusSamples.pick(r, "", " ", "\t"));
                ex = new Expected(VOCAB, i + 1, "blank line");
                break;
            }
            case VOCAB_BAD_UTF8: {
                int i = r.nextInt((int) w);
                voc.lines.set(i, withMark(voc.lines.get(i), r));
                voc.badUtf8 = BAD_UTF8[r.nextInt(BAD_UTF8.length)];
                ex = new Expected(VOCAB, i + 1, "not valid UTF-8");
                break;
            }
            case GZIP_DAMAGE:
            case XZ_TRUNCATED: {
                File target = r.nextBoolean() ? doc : voc;
                target.packing = kind == UciKind.GZIP_DAMAGE ? 3 : 4;
                ex = new Expected(target.name, 0, kind == UciKind.GZIP_DAMAGE ? "gzip" : "xz");
                break;
            }
            default:
                throw new AssertionError(kind);
        }
        byte[] docBytes = doc.bytes(r);
        byte[] vocBytes = voc.bytes(r);
        expectFailure(() -> CorpusReader.readUci(CorpusSamples.stream(docBytes), DATA, CorpusSamples.stream(vocBytes),
                VOCAB, MAX_LINE), ex, kind, doc.text() + "\n" + voc.text());
    }

    // ---- LDA-C ----

    enum LdaCKind {
        BAD_N, N_MISMATCH, BAD_PAIR, ID_OUT_OF_RANGE, DUPLICATE_ID, BLANK_LINE, TRUNCATE, LINE_TOO_LONG, HUGE_COUNT,
        EMPTY_CORPUS, VOCAB_SHORT, VOCAB_DUPLICATE, VOCAB_WHITESPACE, VOCAB_BLANK_LINE, VOCAB_BAD_UTF8,
        GZIP_DAMAGE, XZ_TRUNCATED
    }

    @Property(tries = 10_000)
    void ldaCCorruptionIsAnInputExceptionBlamingItsLine(@ForAll LdaCKind kind, @ForAll long seed) {
        Random r = new Random(seed);
        CorpusSamples.Bag b = CorpusSamples.randomBag(r);
        int numDocs = b.numDocs();
        int v = b.numWords();
        List<List<String>> fields = new ArrayList<>();
        for (int d = 0; d < numDocs; d++) {
            fields.add(CorpusSamples.ldaCFields(b, d));
        }
        boolean withVocab = kind.name().startsWith("VOCAB") || r.nextBoolean();
        File voc = new File(VOCAB, new ArrayList<>(b.vocab), CorpusSamples.layout(r, true), r);
        int target = r.nextInt(numDocs);
        List<String> f = fields.get(target);
        Expected ex = null;
        boolean cut = false;
        Integer blankAt = null;
        switch (kind) {
            case BAD_N:
                f.set(0, CorpusSamples.pick(r, "x", "-1", "1.5", "99999999999", "+2", "N", "0x2", "٣", "1:2", "-"));
                ex = new Expected(DATA, target + 1, "pair count");
                break;
            case N_MISMATCH: {
                int n = f.size() - 1;
                int m;
                do {
                    m = n + r.nextInt(7) - 3;
                } while (m < 0 || m == n);
                f.set(0, Integer.toString(m));
                ex = new Expected(DATA, target + 1, "the line starts with N = " + m + " but has " + n);
                break;
            }
            case BAD_PAIR: {
                ensurePair(f, r, v);
                int i = 1 + r.nextInt(f.size() - 1);
                f.set(i, CorpusSamples.pick(r, "x", "3", "3:", ":3", "3:x", "x:3", "3:0", "3:-1", "-1:3", "3:1.5",
                        "3:4:5", "3:99999999999", "99999999999:1", "3::1", ":", "3:+1", "+3:1", "3:1e2"));
                ex = new Expected(DATA, target + 1, null);
                break;
            }
            case ID_OUT_OF_RANGE: {
                ensurePair(f, r, v);
                int i = 1 + r.nextInt(f.size() - 1);
                String count = f.get(i).substring(f.get(i).indexOf(':') + 1);
                if (withVocab) {
                    f.set(i, (v + r.nextInt(100)) + ":" + count);
                    ex = new Expected(DATA, target + 1, "outside the vocabulary");
                } else {
                    f.set(i, (LdaCParser.MAX_IDS_WITHOUT_VOCABULARY + r.nextInt(1000)) + ":" + count);
                    ex = new Expected(DATA, target + 1, "too large to read without a vocabulary");
                }
                break;
            }
            case DUPLICATE_ID: {
                ensurePair(f, r, v);
                int i = 1 + r.nextInt(f.size() - 1);
                String id = f.get(i).substring(0, f.get(i).indexOf(':'));
                if (f.size() > 2 && r.nextBoolean()) {
                    int j;
                    do {
                        j = 1 + r.nextInt(f.size() - 1);
                    } while (j == i);
                    f.set(j, id + ":" + (1 + r.nextInt(5)));
                } else {
                    f.add(1 + r.nextInt(f.size()), id + ":" + (1 + r.nextInt(5)));
                    f.set(0, Integer.toString(f.size() - 1));
                }
                ex = new Expected(DATA, target + 1, "word id " + id + " appears twice");
                break;
            }
            case BLANK_LINE:
                blankAt = target;
                ex = new Expected(DATA, target + 1, "blank line");
                break;
            case TRUNCATE:
                ensurePair(f, r, v);
                cut = true;
                ex = new Expected(DATA, target + 1, null);
                break;
            case LINE_TOO_LONG:
                f.set(f.size() - 1, f.get(f.size() - 1) + " ".repeat(MAX_LINE + 1 + r.nextInt(200)));
                ex = new Expected(DATA, target + 1, "maxLineLength");
                break;
            case HUGE_COUNT: {
                ensurePair(f, r, v);
                int i = 1 + r.nextInt(f.size() - 1);
                f.set(i, f.get(i).substring(0, f.get(i).indexOf(':') + 1) + CorpusSamples.pick(r, "2147483647",
                        "2147483640"));
                ex = new Expected(DATA, target + 1, "tokens, more than");
                break;
            }
            case EMPTY_CORPUS:
                if (r.nextBoolean()) {
                    for (List<String> doc : fields) {
                        doc.clear();
                        doc.add("0");
                    }
                    ex = new Expected(DATA, 0, "no tokens: all " + numDocs + " documents are empty");
                } else {
                    fields.clear();
                    ex = new Expected(DATA, 0, "no documents");
                }
                break;
            case VOCAB_SHORT: {
                int maxId = -1;
                for (int[] ws : b.words) {
                    for (int id : ws) {
                        maxId = Math.max(maxId, id);
                    }
                }
                int keep = r.nextInt(maxId + 1);
                voc.lines = new ArrayList<>(voc.lines.subList(0, keep));
                if (keep == 0) {
                    voc.layout.bom = false;
                    voc.layout.trailingBlankLines = 0;
                    ex = new Expected(VOCAB, 0, "empty vocabulary file");
                } else {
                    for (int d = 0; d < numDocs && ex == null; d++) {
                        for (int id : b.words.get(d)) {
                            if (id >= keep) {
                                ex = new Expected(DATA, d + 1, "word id " + firstOutside(b.words.get(d), keep)
                                        + " is outside the vocabulary: " + VOCAB + " has " + keep + " words");
                                break;
                            }
                        }
                    }
                }
                break;
            }
            case VOCAB_DUPLICATE: {
                int j = r.nextInt(v + 1); // v: a copy appended at the end
                int i = r.nextInt(Math.max(1, j));
                if (j == v) {
                    voc.lines.add(voc.lines.get(i));
                } else if (j == 0) {
                    voc.lines.add(voc.lines.get(0));
                    j = v;
                    i = 0;
                } else {
                    voc.lines.set(j, voc.lines.get(i));
                }
                ex = new Expected(VOCAB, j + 1, "already on line " + (i + 1));
                break;
            }
            case VOCAB_WHITESPACE: {
                int i = r.nextInt(v);
                voc.lines.set(i, withSpace(voc.lines.get(i), r));
                ex = new Expected(VOCAB, i + 1, "whitespace");
                break;
            }
            case VOCAB_BLANK_LINE: {
                int i = r.nextInt(v);
                voc.lines.add(i, CorpusSamples.pick(r, "", " ", "\t"));
                ex = new Expected(VOCAB, i + 1, "blank line");
                break;
            }
            case VOCAB_BAD_UTF8: {
                int i = r.nextInt(v);
                voc.lines.set(i, withMark(voc.lines.get(i), r));
                voc.badUtf8 = BAD_UTF8[r.nextInt(BAD_UTF8.length)];
                ex = new Expected(VOCAB, i + 1, "not valid UTF-8");
                break;
            }
            case GZIP_DAMAGE:
            case XZ_TRUNCATED:
                break; // after the data file exists
            default:
                throw new AssertionError(kind);
        }
        List<String> lines = new ArrayList<>();
        for (List<String> doc : fields) {
            lines.add(CorpusSamples.join(r, doc));
        }
        File data = new File(DATA, lines, CorpusSamples.layout(r, true), r);
        if (blankAt != null) {
            lines.add(blankAt, CorpusSamples.pick(r, "", " ", "\t", "\r"));
        }
        if (cut) {
            // Keep the lines before the target and a prefix of it that cannot be a whole valid line: at least
            // one character, at most up to the last ':' (so the last count is missing or never started).
            String line = lines.get(target);
            int start = line.length() - line.stripLeading().length();
            int len = start + 1 + r.nextInt(line.lastIndexOf(':') + 1 - start);
            data.lines = new ArrayList<>(lines.subList(0, target));
            data.lines.add(line.substring(0, len));
            data.cut();
        }
        if (kind == LdaCKind.GZIP_DAMAGE || kind == LdaCKind.XZ_TRUNCATED) {
            File t = withVocab && r.nextBoolean() ? voc : data;
            t.packing = kind == LdaCKind.GZIP_DAMAGE ? 3 : 4;
            ex = new Expected(t.name, 0, kind == LdaCKind.GZIP_DAMAGE ? "gzip" : "xz");
        }
        if (kind == LdaCKind.EMPTY_CORPUS && fields.isEmpty()) {
            data.layout.bom = false;
        }
        byte[] dataBytes = data.bytes(r);
        byte[] vocBytes = withVocab ? voc.bytes(r) : null;
        Expected expected = ex;
        expectFailure(() -> CorpusReader.readLdaC(CorpusSamples.stream(dataBytes), DATA,
                        vocBytes == null ? null : CorpusSamples.stream(vocBytes), VOCAB, MAX_LINE),
                expected, kind + (withVocab ? " with vocabulary" : ""), data.text() + (withVocab ? "\n" + voc.text() : ""));
    }

    /** Gives an empty document one pair, so that there is a pair to damage. */
    private static void ensurePair(List<String> f, Random r, int v) {
        if (f.size() == 1) {
            f.add(r.nextInt(v) + ":" + (1 + r.nextInt(3)));
            f.set(0, "1");
        }
    }

    private static int firstOutside(int[] ids, int keep) {
        for (int id : ids) {
            if (id >= keep) {
                return id;
            }
        }
        throw new AssertionError();
    }

    // ---- text ----

    enum TextKind { INVALID_UTF8, LINE_TOO_LONG, GZIP_DAMAGE, XZ_TRUNCATED, NO_TOKENS, EMPTY_FILE }

    private static final String[] TEXT_WORDS = {"Alpha", "beta", "Café", "Straße", "don't", "1990", "x", "the", "ÉCOLE",
        "日本語", "naïve", "B52", "--", "...", "(note)", "e-mail", "it’s", "ok!"};
    private static final String[] JUNK = {"--", "x", "1990", "...", "7", "!", "a", "I", "12.5", "'", "-"};

    @Property(tries = 10_000)
    void textCorruptionIsAnInputExceptionBlamingItsLine(@ForAll TextKind kind, @ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(10);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int words = r.nextInt(7); // short lines: even with bad bytes inserted, far below MAX_LINE
            List<String> ws = new ArrayList<>();
            for (int k = 0; k < words; k++) {
                ws.add(CorpusSamples.pick(r, TEXT_WORDS));
            }
            lines.add(String.join(CorpusSamples.pick(r, " ", ", ", ". ", "\t", " - "), ws));
        }
        int target = r.nextInt(n);
        lines.set(target, lines.get(target) + " alpha"); // at least one token survives every filter
        CorpusReader.TextOptions o = CorpusReader.TextOptions.defaults().withMaxLineLength(MAX_LINE);
        if (r.nextInt(4) == 0) {
            o = o.withStopWords(CorpusReader.englishStopWords());
        }
        File file = new File(DATA, lines, CorpusSamples.layout(r, false), r);
        Expected ex;
        switch (kind) {
            case INVALID_UTF8:
                lines.set(target, withMark(lines.get(target), r));
                file.badUtf8 = BAD_UTF8[r.nextInt(BAD_UTF8.length)];
                ex = new Expected(DATA, target + 1, "not valid UTF-8");
                break;
            case LINE_TOO_LONG:
                lines.set(target, lines.get(target) + CorpusSamples.pick(r, " ", " word").repeat(MAX_LINE));
                ex = new Expected(DATA, target + 1, "maxLineLength");
                break;
            case GZIP_DAMAGE:
                file.packing = 3;
                ex = new Expected(DATA, 0, "gzip");
                break;
            case XZ_TRUNCATED:
                file.packing = 4;
                ex = new Expected(DATA, 0, "xz");
                break;
            case NO_TOKENS:
                switch (r.nextInt(3)) {
                    case 0:
                        file.layout.finalNewline = true; // a single empty line without a line end is an empty file
                        for (int i = 0; i < n; i++) {
                            List<String> ws = new ArrayList<>();
                            for (int k = r.nextInt(6); k > 0; k--) {
                                ws.add(CorpusSamples.pick(r, JUNK));
                            }
                            lines.set(i, String.join(" ", ws));
                        }
                        break;
                    case 1: {
                        Set<String> all = new java.util.HashSet<>();
                        for (String w : TEXT_WORDS) {
                            all.add(w.replace("(", "").replace(")", "").replace("!", ""));
                        }
                        all.addAll(Set.of("alpha", "e", "mail", "ok", "note", "don", "it’s", "b52"));
                        o = o.withStopWords(all);
                        break;
                    }
                    default:
                        o = o.withMinCount(1000);
                }
                ex = new Expected(DATA, 0, "no tokens");
                break;
            case EMPTY_FILE:
                file.lines = List.of();
                file.layout.bom = false;
                file.layout.trailingBlankLines = 0;
                ex = new Expected(DATA, 0, "no documents");
                break;
            default:
                throw new AssertionError(kind);
        }
        byte[] bytes = file.bytes(r);
        CorpusReader.TextOptions options = o;
        expectFailure(() -> CorpusReader.readText(CorpusSamples.stream(bytes), DATA, options), ex, kind, file.text());
    }

    // ---- random damage ----

    private static final byte[] NOISE = " \t\n\r:#-+.0123456789x\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    @Property(tries = 3000)
    void randomByteDamageIsAnInputExceptionOrAValidRead(@ForAll CorpusFormat format, @ForAll long seed) {
        Random r = new Random(seed);
        CorpusSamples.Bag b = CorpusSamples.randomBag(r);
        List<String> lines = new ArrayList<>();
        if (format == CorpusFormat.UCI) {
            List<String[]> rows = CorpusSamples.uciEntries(b, r, r.nextBoolean());
            lines.addAll(List.of(Integer.toString(b.numDocs()), Integer.toString(b.numWords()),
                    Integer.toString(rows.size())));
            for (String[] row : rows) {
                lines.add(CorpusSamples.join(r, row));
            }
        } else {
            for (int d = 0; d < b.numDocs(); d++) {
                lines.add(format == CorpusFormat.LDA_C ? CorpusSamples.join(r, CorpusSamples.ldaCFields(b, d))
                        : String.join(" ", b.vocab.subList(0, 1 + r.nextInt(b.numWords()))));
            }
        }
        byte[] bytes = CorpusSamples.render(lines, CorpusSamples.layout(r, format != CorpusFormat.TEXT));
        int packing = r.nextInt(8);
        if (packing < 2) {
            bytes = CorpusSamples.gzip(bytes);
        } else if (packing == 2) {
            bytes = CorpusSamples.xz(bytes);
        }
        byte[] damaged = damage(bytes, r);
        byte[] vocab = CorpusSamples.render(b.vocab, CorpusSamples.layout(r, true));
        try {
            Corpus c;
            switch (format) {
                case UCI:
                    c = CorpusReader.readUci(CorpusSamples.stream(damaged), "damaged", CorpusSamples.stream(vocab),
                            "vocab", MAX_LINE);
                    break;
                case LDA_C:
                    c = CorpusReader.readLdaC(CorpusSamples.stream(damaged), "damaged",
                            r.nextBoolean() ? CorpusSamples.stream(vocab) : null, "vocab", MAX_LINE);
                    break;
                default:
                    c = CorpusReader.readText(CorpusSamples.stream(damaged), "damaged",
                            CorpusReader.TextOptions.defaults().withMaxLineLength(MAX_LINE));
            }
            assertThat(c.numTokens()).isPositive();
            assertThat(CorpusReader.detect(CorpusSamples.stream(damaged), "damaged")).isNotNull();
        } catch (InputException e) {
            assertThat(e.getMessage()).matches("(damaged|vocab)(:[0-9]+)?: .*");
        } catch (Throwable t) {
            throw new AssertionError("not an InputException: " + t, t);
        }
    }

    private static byte[] damage(byte[] good, Random r) {
        byte[] b = good.clone();
        int edits = 1 + r.nextInt(4);
        for (int k = 0; k < edits && b.length > 0; k++) {
            int at = r.nextInt(b.length);
            byte noise = r.nextBoolean() ? NOISE[r.nextInt(NOISE.length)] : (byte) r.nextInt(256);
            switch (r.nextInt(3)) {
                case 0:
                    b[at] = noise;
                    break;
                case 1: {
                    byte[] out = new byte[b.length + 1];
                    System.arraycopy(b, 0, out, 0, at);
                    out[at] = noise;
                    System.arraycopy(b, at, out, at + 1, b.length - at);
                    b = out;
                    break;
                }
                default:
                    b = Arrays.copyOf(b, at); // truncation
            }
        }
        return b;
    }
}
