package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property (b): one corruption on one line of an otherwise valid, untidily formatted file is always
 * an InputException blaming exactly that physical line and naming the token; and random byte
 * damage anywhere never escapes as any other exception type.
 */
class LibSvmCorruptionPropertiesTest {

    enum Corruption {
        BAD_LABEL, NON_FINITE_LABEL, MISSING_LABEL, MISSING_COLON, BAD_INDEX, BAD_VALUE, NON_FINITE_VALUE,
        INDEX_ZERO, DUPLICATE_INDEX, UNSORTED_INDEX, MISPLACED_QID, BAD_QID, BEYOND_MAX_FEATURES, EXTRA_COLON
    }

    @Provide
    Arbitrary<LabeledDataset> datasets() {
        return TestData.datasets();
    }

    @Property(tries = 1000)
    void oneCorruptionIsBlamedOnItsLine(@ForAll("datasets") LabeledDataset d, @ForAll Corruption kind,
                                        @ForAll long seed) {
        Random r = new Random(seed);
        List<List<String>> rows = new ArrayList<>();
        for (String line : TestData.toText(d).split("\n")) {
            rows.add(new ArrayList<>(Arrays.asList(line.split(" "))));
        }
        int target = r.nextInt(rows.size());
        int maxFeatures = d.numFeatures() + 10; // room for the small indices some corruptions add
        String offending = corrupt(rows.get(target), d.qids() != null, kind, maxFeatures, r);

        String eol = r.nextBoolean() ? "\n" : "\r\n";
        StringBuilder text = new StringBuilder();
        long physical = 0;
        long expectedLine = -1;
        for (int i = 0; i < rows.size(); i++) {
            while (r.nextInt(4) == 0) {
                text.append(r.nextBoolean() ? "" : " \t").append(r.nextBoolean() ? "# note 1:2 x" : "").append(eol);
                physical++;
            }
            text.append(render(rows.get(i), r)).append(eol);
            physical++;
            if (i == target) {
                expectedLine = physical;
            }
        }
        LibSvmReader.Options o = LibSvmReader.Options.DEFAULTS.withMaxFeatures(maxFeatures);
        try {
            TestData.parse(text.toString(), o);
            fail("no error for %s on line %d of:%n%s", kind, expectedLine, text);
        } catch (InputException e) {
            assertThat(e.line()).as("%s: %s%n%s", kind, e.getMessage(), text).isEqualTo(expectedLine);
            assertThat(e.reason()).as("%s", kind).contains(offending);
            assertThat(e.getMessage()).startsWith("mem.svm:" + expectedLine + ": ");
        }
    }

    /** Damages one row's tokens in place; returns the text the error reason must quote. */
    private static String corrupt(List<String> t, boolean hasQid, Corruption kind, int maxFeatures, Random r) {
        int first = hasQid ? 2 : 1; // index of the first feature token
        int numFeatures = t.size() - first;
        int pick = numFeatures > 0 ? first + r.nextInt(numFeatures) : -1;
        switch (kind) {
            case BAD_LABEL:
                return set(t, 0, pickOf(r, "abc", "1,0", "--1", "1e", "+", "0x1p2", "1..0"));
            case NON_FINITE_LABEL:
                return set(t, 0, pickOf(r, "nan", "NaN", "inf", "-Inf", "Infinity", "1e400", "-9e999"));
            case MISSING_LABEL:
                if (t.size() == 1) {
                    return set(t, 0, "1:1");
                }
                t.remove(0);
                return t.get(0);
            case MISSING_COLON:
                if (pick < 0) {
                    return append(t, "42");
                }
                return set(t, pick, t.get(pick).replace(":", r.nextBoolean() ? "" : "="));
            case BAD_INDEX:
                if (pick < 0) {
                    return append(t, "x:1");
                }
                return set(t, pick, pickOf(r, "x", "1.5", "", "1e2", "+3") + valuePart(t.get(pick)));
            case BAD_VALUE:
                if (pick < 0) {
                    return append(t, "1:abc");
                }
                return set(t, pick, indexPart(t.get(pick)) + pickOf(r, "abc", "", "1..2", "0x1", "1,5", "1e", "--2"));
            case NON_FINITE_VALUE:
                if (pick < 0) {
                    return append(t, "1:nan");
                }
                return set(t, pick, indexPart(t.get(pick)) + pickOf(r, "nan", "NaN", "inf", "-Infinity", "1e999"));
            case INDEX_ZERO:
                String zero = r.nextBoolean() ? "0:1" : "-" + (1 + r.nextInt(5)) + ":2";
                t.add(first, zero);
                return zero;
            case DUPLICATE_INDEX:
                if (pick < 0) {
                    t.add("3:1");
                    t.add("3:2");
                    return "3:2";
                }
                String dup = indexPart(t.get(pick)) + "7";
                t.add(pick + 1, dup);
                return dup;
            case UNSORTED_INDEX:
                if (numFeatures >= 2) {
                    int a = first + r.nextInt(numFeatures - 1);
                    String x = t.get(a);
                    t.set(a, t.get(a + 1));
                    t.set(a + 1, x);
                    return x;
                }
                if (pick < 0) {
                    t.add("2:1");
                }
                return append(t, "1:1"); // after a single feature this is out of order or a duplicate
            case MISPLACED_QID:
                if (pick < 0) {
                    t.add("1:1");
                }
                return append(t, "qid:3");
            case BAD_QID:
                String q = pickOf(r, "qid:x", "qid:", "qid:1.5", "qid:99999999999");
                if (hasQid) {
                    return set(t, 1, q);
                }
                t.add(1, q);
                return q;
            case BEYOND_MAX_FEATURES:
                return append(t, (maxFeatures + 1 + r.nextInt(3)) + ":1");
            case EXTRA_COLON:
                if (pick < 0) {
                    return append(t, "1:2:3");
                }
                return set(t, pick, t.get(pick) + ":9");
            default:
                throw new AssertionError(kind);
        }
    }

    private static String set(List<String> t, int i, String token) {
        t.set(i, token);
        return token;
    }

    private static String append(List<String> t, String token) {
        t.add(token);
        return token;
    }

    private static String indexPart(String feature) {
        return feature.substring(0, feature.indexOf(':') + 1);
    }

    private static String valuePart(String feature) {
        return feature.substring(feature.indexOf(':'));
    }

    private static String pickOf(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /** Joins tokens with the untidy whitespace real files have: runs of spaces and tabs, leading and trailing. */
    private static String render(List<String> tokens, Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(5) == 0) {
            sb.append(pickOf(r, " ", "\t", "  "));
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                sb.append(pickOf(r, " ", " ", "\t", "  ", " \t "));
            }
            sb.append(tokens.get(i));
        }
        if (r.nextInt(5) == 0) {
            sb.append(pickOf(r, " ", "\t", " # trailing comment 5:x"));
        }
        return sb.toString();
    }

    private static final byte[] NOISE = " \t\n\r:#.-+eE0123456789nax\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    @Property(tries = 1000)
    void randomByteDamageIsAnInputExceptionOrValid(@ForAll("datasets") LabeledDataset d, @ForAll long seed) {
        Random r = new Random(seed);
        byte[] good = TestData.toText(d).getBytes(StandardCharsets.UTF_8);
        List<Byte> bytes = new ArrayList<>();
        for (byte b : good) {
            bytes.add(b);
        }
        int edits = 1 + r.nextInt(4);
        for (int k = 0; k < edits; k++) {
            int at = r.nextInt(bytes.size() + 1);
            byte noise = NOISE[r.nextInt(NOISE.length)];
            switch (r.nextInt(3)) {
                case 0:
                    bytes.add(at, noise);
                    break;
                case 1:
                    if (at < bytes.size()) {
                        bytes.set(at, noise);
                    }
                    break;
                default:
                    if (at < bytes.size()) {
                        bytes.remove(at);
                    }
            }
        }
        byte[] damaged = new byte[bytes.size()];
        long lines = 1;
        for (int i = 0; i < damaged.length; i++) {
            damaged[i] = bytes.get(i);
            if (damaged[i] == '\n') {
                lines++;
            }
        }
        try {
            LabeledDataset got = LibSvmReader.read(new java.io.ByteArrayInputStream(damaged), "fuzz",
                    LibSvmReader.Options.DEFAULTS);
            got.features().checkInvariants();
            for (double label : got.labels()) {
                assertThat(Double.isFinite(label)).isTrue();
            }
            for (double v : got.features().values) {
                assertThat(Double.isFinite(v) && v != 0.0).isTrue();
            }
        } catch (InputException e) {
            assertThat(e.line()).isBetween(0L, lines);
            assertThat(e.getMessage()).startsWith("fuzz:");
        }
    }
}
