package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each corpus format read correctly, plain and compressed, from files, plus format detection. */
class CorpusReaderTest {

    @TempDir
    Path dir;

    /** From the UCI KOS sample's layout: 3 documents (the second has no entries), 5 words, 5 entries. */
    static final String UCI_DOCWORD = "3\n5\n5\n1 2 3\n1 5 1\n3 1 2\n3 2 1\n3 4 4\n";
    static final String UCI_VOCAB = "apple\nbanana\ncherry\ndate\nelder\n";

    /** Documents as their words, one string per document. */
    static List<String> docs(Corpus c) {
        List<String> out = new ArrayList<>();
        for (int d = 0; d < c.numDocs(); d++) {
            StringBuilder sb = new StringBuilder();
            for (int k = c.docPtr()[d]; k < c.docPtr()[d + 1]; k++) {
                sb.append(sb.length() == 0 ? "" : " ").append(c.vocabulary().id(c.words()[k]));
            }
            out.add(sb.toString());
        }
        return out;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, CorpusSamples.utf8(text));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    // ---- UCI ----

    @Test
    void uciExpandsCountsAndKeepsEmptyDocuments() throws IOException {
        Path docword = write("docword.test.txt", UCI_DOCWORD);
        Corpus c = CorpusReader.readUci(docword, write("vocab.test.txt", UCI_VOCAB));
        assertThat(c.numDocs()).isEqualTo(3);
        assertThat(c.numTokens()).isEqualTo(11);
        assertThat(c.vocabularySize()).isEqualTo(5);
        assertThat(c.docPtr()).containsExactly(0, 4, 4, 11);
        assertThat(c.words()).containsExactly(1, 1, 1, 4, 0, 0, 1, 3, 3, 3, 3);
        assertThat(docs(c)).containsExactly("banana banana banana elder", "",
                "apple apple banana date date date date");
        assertThat(c.source()).isEqualTo(docword.toString());
        assertThat(c.wordCounts()).containsExactly(2, 4, 0, 4, 1);
    }

    @Test
    void uciUnsortedEntriesGiveTheSameDocuments() throws IOException {
        String shuffled = "3\n5\n5\n3 4 4\n1 5 1\n3 1 2\n1 2 3\n3 2 1\n";
        Corpus c = CorpusReader.readUci(write("d.txt", shuffled), write("v.txt", UCI_VOCAB));
        assertThat(c.docPtr()).containsExactly(0, 4, 4, 11);
        // Within a document, tokens keep the order of its entries in the file.
        assertThat(docs(c)).containsExactly("elder banana banana banana", "",
                "date date date date apple apple banana");
    }

    @Test
    void uciTrailingEmptyDocumentsExist() throws IOException {
        Corpus c = CorpusReader.readUci(write("d.txt", "4\n2\n1\n2 2 1\n"), write("v.txt", "x\ny\n"));
        assertThat(c.numDocs()).isEqualTo(4);
        assertThat(docs(c)).containsExactly("", "y", "", "");
    }

    @Test
    void uciUntidyLayoutCrlfBomTabsAndTrailingBlankLines() throws IOException {
        String docword = "\uFEFF3\r\n 5 \r\n5\r\n1\t2  3\r\n1 5 1\r\n3 1 2\r\n3 2\t1\r\n 3 4 4 \r\n\r\n  \n";
        String vocab = "\uFEFFapple\r\nbanana\r\ncherry\r\ndate\r\nelder\r\n\r\n";
        Corpus c = CorpusReader.readUci(write("d.txt", docword), write("v.txt", vocab));
        assertThat(docs(c)).containsExactly("banana banana banana elder", "",
                "apple apple banana date date date date");
    }

    @Test
    void uciGzipAndXzIncludingTheVocabulary() throws IOException {
        Corpus gz = CorpusReader.readUci(write("d.gz", CorpusSamples.gzip(CorpusSamples.utf8(UCI_DOCWORD))),
                write("v.xz", CorpusSamples.xz(CorpusSamples.utf8(UCI_VOCAB))));
        Corpus xz = CorpusReader.readUci(write("d.xz", CorpusSamples.xz(CorpusSamples.utf8(UCI_DOCWORD))),
                write("v.gz", CorpusSamples.gzip(CorpusSamples.utf8(UCI_VOCAB))));
        for (Corpus c : new Corpus[] {gz, xz}) {
            assertThat(docs(c)).containsExactly("banana banana banana elder", "",
                    "apple apple banana date date date date");
        }
    }

    @Test
    void uciRandomCorporaReadBackExactly() {
        Random r = new Random(42);
        for (int t = 0; t < 300; t++) {
            CorpusSamples.Bag b = CorpusSamples.randomBag(r);
            List<String[]> rows = CorpusSamples.uciEntries(b, r, r.nextBoolean());
            List<String> lines = new ArrayList<>(List.of(Integer.toString(b.numDocs()),
                    Integer.toString(b.numWords()), Integer.toString(rows.size())));
            for (String[] row : rows) {
                lines.add(CorpusSamples.join(r, row));
            }
            byte[] docword = CorpusSamples.render(lines, CorpusSamples.layout(r, true));
            byte[] vocab = CorpusSamples.render(b.vocab, CorpusSamples.layout(r, true));
            Corpus c = CorpusReader.readUci(CorpusSamples.stream(docword), "d", CorpusSamples.stream(vocab), "v", 100);
            assertThat(c.numDocs()).isEqualTo(b.numDocs());
            assertThat(c.vocabularySize()).isEqualTo(b.numWords());
            for (int w = 0; w < b.numWords(); w++) {
                assertThat(c.vocabulary().id(w)).isEqualTo(b.vocab.get(w));
            }
            for (int d = 0; d < b.numDocs(); d++) {
                assertThat(sorted(c, d)).isEqualTo(sortedCopy(b.tokens(d)));
            }
        }
    }

    // ---- LDA-C ----

    static final String LDA_C = "3 0:2 4:1 2:1\n0\n2 1:1 3:5";

    @Test
    void ldaCWithVocabulary() throws IOException {
        Path data = write("ap.dat", LDA_C);
        Corpus c = CorpusReader.readLdaC(data, write("vocab.txt", UCI_VOCAB));
        assertThat(c.numDocs()).isEqualTo(3);
        assertThat(c.numTokens()).isEqualTo(10);
        assertThat(c.vocabularySize()).isEqualTo(5);
        assertThat(c.docPtr()).containsExactly(0, 4, 4, 10);
        assertThat(docs(c)).containsExactly("apple apple elder cherry", "",
                "banana date date date date date");
        assertThat(c.source()).isEqualTo(data.toString());
    }

    @Test
    void ldaCWithoutVocabularyNamesWordsByTheirIds() throws IOException {
        Corpus c = CorpusReader.readLdaC(write("ap.dat", LDA_C), null);
        assertThat(c.vocabularySize()).isEqualTo(5); // max id 4, plus one
        assertThat(docs(c)).containsExactly("0 0 4 2", "", "1 3 3 3 3 3");
        Corpus sparse = CorpusReader.readLdaC(write("s.dat", "1 9:1\n"), null);
        assertThat(sparse.vocabularySize()).isEqualTo(10);
        assertThat(sparse.vocabulary().id(9)).isEqualTo("9");
        assertThat(sparse.words()).containsExactly(9);
    }

    @Test
    void ldaCUntidyLayoutAndTrailingBlankLines() throws IOException {
        Corpus c = CorpusReader.readLdaC(write("a.dat", "\uFEFF 3\t0:2  4:1 2:1 \r\n0\r\n2 1:1\t3:5\r\n\r\n \n\n"),
                write("v.txt", UCI_VOCAB));
        assertThat(docs(c)).containsExactly("apple apple elder cherry", "",
                "banana date date date date date");
    }

    @Test
    void ldaCGzipAndXz() throws IOException {
        byte[] data = CorpusSamples.utf8(LDA_C);
        Corpus gz = CorpusReader.readLdaC(write("a.gz", CorpusSamples.gzip(data)),
                write("v.xz", CorpusSamples.xz(CorpusSamples.utf8(UCI_VOCAB))));
        Corpus xz = CorpusReader.readLdaC(write("a.xz", CorpusSamples.xz(data)), null);
        assertThat(docs(gz)).containsExactly("apple apple elder cherry", "", "banana date date date date date");
        assertThat(docs(xz)).containsExactly("0 0 4 2", "", "1 3 3 3 3 3");
    }

    @Test
    void ldaCRandomCorporaReadBackExactly() {
        Random r = new Random(7);
        for (int t = 0; t < 300; t++) {
            CorpusSamples.Bag b = CorpusSamples.randomBag(r);
            List<String> lines = new ArrayList<>();
            for (int d = 0; d < b.numDocs(); d++) {
                lines.add(CorpusSamples.join(r, CorpusSamples.ldaCFields(b, d)));
            }
            boolean withVocab = r.nextBoolean();
            byte[] data = CorpusSamples.render(lines, CorpusSamples.layout(r, true));
            byte[] vocab = CorpusSamples.render(b.vocab, CorpusSamples.layout(r, true));
            Corpus c = CorpusReader.readLdaC(CorpusSamples.stream(data), "a",
                    withVocab ? CorpusSamples.stream(vocab) : null, "v", 100);
            assertThat(c.numDocs()).isEqualTo(b.numDocs());
            for (int d = 0; d < b.numDocs(); d++) {
                assertThat(java.util.Arrays.copyOfRange(c.words(), c.docPtr()[d], c.docPtr()[d + 1]))
                        .as("document %d", d).containsExactly(b.tokens(d));
            }
            if (withVocab) {
                assertThat(c.vocabularySize()).isEqualTo(b.numWords());
            } else {
                int max = -1;
                for (int w : c.words()) {
                    max = Math.max(max, w);
                }
                assertThat(c.vocabularySize()).isEqualTo(max + 1);
                assertThat(c.vocabulary().id(max)).isEqualTo(Integer.toString(max));
            }
        }
    }

    // ---- the AP corpus (Blei's lda-c sample), if the shared data is there ----

    private static Path apDir() {
        for (String candidate : new String[] {"../shared/data/lda_ap", "../../shared/data/lda_ap"}) {
            Path p = Path.of(candidate);
            if (Files.isRegularFile(p.resolve("ap.dat.xz")) && Files.isRegularFile(p.resolve("vocab.txt.xz"))) {
                return p;
            }
        }
        return null;
    }

    @Test
    void apCorpus() {
        Path ap = apDir();
        Assumptions.assumeTrue(ap != null, "the AP corpus (../shared/data/lda_ap/ap.dat.xz and vocab.txt.xz) is not"
                + " available; it is not shipped with the project");
        assertThat(CorpusReader.detect(ap.resolve("ap.dat.xz"))).isEqualTo(CorpusFormat.LDA_C);
        long t0 = System.nanoTime();
        Corpus c = CorpusReader.readLdaC(ap.resolve("ap.dat.xz"), ap.resolve("vocab.txt.xz"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("AP corpus read in " + ms + " ms: " + c);
        assertThat(c.numDocs()).isEqualTo(2246);
        assertThat(c.vocabularySize()).isEqualTo(10473);
        assertThat(c.numTokens()).isEqualTo(435838);
        assertThat(c.vocabulary().id(0)).isEqualTo("i");
        Corpus bare = CorpusReader.readLdaC(ap.resolve("ap.dat.xz"), null);
        assertThat(bare.words()).isEqualTo(c.words());
        assertThat(bare.vocabularySize()).isLessThanOrEqualTo(10473);
    }

    // ---- text ----

    @Test
    void textOneDocumentPerLineWithEmptyLinesKept() throws IOException {
        Path p = write("t.txt", "The cat sat on the mat.\n\nA dog, a CAT!\n   \nmat");
        Corpus c = CorpusReader.readText(p);
        assertThat(docs(c)).containsExactly("the cat sat on the mat", "", "dog cat", "", "mat");
        assertThat(c.vocabularySize()).isEqualTo(6);
        assertThat(c.vocabulary().id(0)).isEqualTo("the");
        assertThat(c.vocabulary().id(5)).isEqualTo("dog");
        assertThat(c.docPtr()).containsExactly(0, 6, 6, 8, 8, 9);
        assertThat(c.source()).isEqualTo(p.toString());
    }

    @Test
    void textGzipAndXz() throws IOException {
        byte[] text = CorpusSamples.utf8("Café au lait\nStraße und Weg\n");
        for (byte[] packed : new byte[][] {CorpusSamples.gzip(text), CorpusSamples.xz(text)}) {
            Corpus c = CorpusReader.readText(write("t.packed", packed));
            assertThat(docs(c)).containsExactly("café au lait", "straße und weg");
        }
    }

    @Test
    void textWithStopWordsFromAFile() throws IOException {
        Path stop = write("stop.txt", "# my list\nThe\n\n  on  # trailing comment\nA\n");
        assertThat(CorpusReader.readStopWords(stop)).containsExactly("the", "on", "a");
        Corpus c = CorpusReader.readText(write("t.txt", "The cat sat on the mat."),
                CorpusReader.TextOptions.defaults().withStopWords(CorpusReader.readStopWords(stop)));
        assertThat(docs(c)).containsExactly("cat sat mat");
    }

    @Test
    void englishStopWords() {
        var words = CorpusReader.englishStopWords();
        assertThat(words).hasSizeBetween(200, 600)
                .contains("the", "and", "of", "a", "is", "don't", "which", "between")
                .doesNotContain("cat", "market", "government", "");
        for (String w : words) {
            assertThat(w).isEqualTo(w.toLowerCase(java.util.Locale.ROOT)).doesNotContainAnyWhitespaces();
        }
        assertThatThrownBy(() -> words.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void textOptionsDefaultsAndValidation() {
        CorpusReader.TextOptions d = CorpusReader.TextOptions.defaults();
        assertThat(d.lowercase()).isTrue();
        assertThat(d.minLength()).isEqualTo(2);
        assertThat(d.keepNumbers()).isFalse();
        assertThat(d.minCount()).isEqualTo(1);
        assertThat(d.stopWords()).isEmpty();
        assertThat(d.maxLineLength()).isEqualTo(1 << 26);
        assertThat(d.withMinCount(3).withLowercase(false).withKeepNumbers(true).withMinLength(1)
                .withMaxLineLength(10).withStopWords(java.util.Set.of("x")))
                .isEqualTo(new CorpusReader.TextOptions(false, 1, true, 3, java.util.Set.of("x"), 10));
        assertThatThrownBy(() -> d.withMinLength(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMinCount(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMaxLineLength(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withStopWords(null)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- detection and format names ----

    @Test
    void detectsEachFormat() throws IOException {
        assertThat(CorpusReader.detect(write("a", UCI_DOCWORD))).isEqualTo(CorpusFormat.UCI);
        assertThat(CorpusReader.detect(write("b", LDA_C))).isEqualTo(CorpusFormat.LDA_C);
        assertThat(CorpusReader.detect(write("c", "The cat sat on the mat.\n"))).isEqualTo(CorpusFormat.TEXT);
        assertThat(CorpusReader.detect(write("d.gz", CorpusSamples.gzip(CorpusSamples.utf8(UCI_DOCWORD)))))
                .isEqualTo(CorpusFormat.UCI);
        assertThat(CorpusReader.detect(write("e.xz", CorpusSamples.xz(CorpusSamples.utf8(LDA_C)))))
                .isEqualTo(CorpusFormat.LDA_C);
    }

    @Test
    void detectionEdgeCases() {
        assertThat(detect("\n\n3\n5\n\n5\n1 2 3\n")).isEqualTo(CorpusFormat.UCI); // blank lines skipped
        assertThat(detect("\uFEFF3 \r\n5\r\n5\r\n")).isEqualTo(CorpusFormat.UCI);
        assertThat(detect("3\n5\n")).isEqualTo(CorpusFormat.LDA_C); // only two lines: documents of N=3 and N=5
        assertThat(detect("3\n0\n5\n")).isEqualTo(CorpusFormat.LDA_C); // 0 is not positive
        assertThat(detect("0\n")).isEqualTo(CorpusFormat.LDA_C);
        assertThat(detect("2 0:1 7:3  \n")).isEqualTo(CorpusFormat.LDA_C);
        assertThat(detect("2 0:1\t7:3\n")).isEqualTo(CorpusFormat.LDA_C);
        assertThat(detect("2 0:1 7:")).isEqualTo(CorpusFormat.TEXT);
        assertThat(detect("2 0:1 7\n")).isEqualTo(CorpusFormat.TEXT);
        assertThat(detect("1990 was a year\n")).isEqualTo(CorpusFormat.TEXT);
        assertThat(detect("3\n5\nfive\n")).isEqualTo(CorpusFormat.LDA_C);
        assertThat(detect("-3\n5\n5\n")).isEqualTo(CorpusFormat.TEXT);
        assertThat(detect("caf\u00e9\n")).isEqualTo(CorpusFormat.TEXT);
        assertThatThrownBy(() -> detect("\n  \n")).isInstanceOf(InputException.class)
                .hasMessage("mem: cannot detect the corpus format: the file is empty or blank");
        assertThatThrownBy(() -> detect("")).isInstanceOf(InputException.class).hasMessageStartingWith("mem: ");
    }

    private static CorpusFormat detect(String text) {
        return CorpusReader.detect(CorpusSamples.stream(text), "mem");
    }

    @Test
    void formatNames() {
        assertThat(CorpusFormat.parse("uci")).isEqualTo(CorpusFormat.UCI);
        assertThat(CorpusFormat.parse(" LDAC ")).isEqualTo(CorpusFormat.LDA_C);
        assertThat(CorpusFormat.parse("text")).isEqualTo(CorpusFormat.TEXT);
        for (CorpusFormat f : CorpusFormat.values()) {
            assertThat(CorpusFormat.parse(f.cliName())).isEqualTo(f);
        }
        assertThatThrownBy(() -> CorpusFormat.parse("lda-c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown corpus format 'lda-c'; expected one of: uci, ldac, text");
        assertThatThrownBy(() -> CorpusFormat.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullArgumentsAreRejected() {
        Path p = dir.resolve("x");
        assertThatThrownBy(() -> CorpusReader.readUci(null, p)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorpusReader.readUci(p, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorpusReader.readLdaC(null, p)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorpusReader.readText(p, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorpusReader.detect(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int[] sorted(Corpus c, int d) {
        int[] t = java.util.Arrays.copyOfRange(c.words(), c.docPtr()[d], c.docPtr()[d + 1]);
        java.util.Arrays.sort(t);
        return t;
    }

    private static int[] sortedCopy(int[] a) {
        int[] t = a.clone();
        java.util.Arrays.sort(t);
        return t;
    }
}
