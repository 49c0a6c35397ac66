package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of malformed corpus input, each with the exact message: file, line and reason. */
class CorpusReaderErrorTest {

    @TempDir
    Path dir;

    private static final String VOCAB5 = "apple\nbanana\ncherry\ndate\nelder\n";
    private static final int MAX_LINE = 100;

    private static InputException uci(String docword, String vocab) {
        return catchThrowableOfType(InputException.class, () -> CorpusReader.readUci(CorpusSamples.stream(docword), "d",
                CorpusSamples.stream(vocab), "v", MAX_LINE));
    }

    private static InputException ldaC(String data, String vocab) {
        return catchThrowableOfType(InputException.class, () -> CorpusReader.readLdaC(CorpusSamples.stream(data), "a",
                vocab == null ? null : CorpusSamples.stream(vocab), "v", MAX_LINE));
    }

    private static InputException text(byte[] data, CorpusReader.TextOptions o) {
        return catchThrowableOfType(InputException.class,
                () -> CorpusReader.readText(CorpusSamples.stream(data), "t", o));
    }

    private static InputException text(String data) {
        return text(CorpusSamples.utf8(data), CorpusReader.TextOptions.defaults());
    }

    // ---- UCI docword ----

    static Stream<Arguments> uciDocwordErrors() {
        String h = "3\n5\n5\n"; // D = 3, W = 5, NNZ = 5; entries start on line 4
        String good = "1 2 3\n1 5 1\n3 1 2\n3 2 1\n3 4 4\n";
        return Stream.of(
                Arguments.of("", "d: empty file: a UCI docword file starts with three header lines D, W and NNZ"),
                Arguments.of("3\n", "d: missing header line 2, W (the number of words): the file ends after line 1"),
                Arguments.of("3\n5", "d: missing header line 3, NNZ (the number of docID wordID count lines): the file"
                        + " ends after line 2"),
                Arguments.of("x\n5\n5\n" + good, "d:1: UCI header line 1 must hold D (the number of documents) as a"
                        + " single positive integer, but found 'x'"),
                Arguments.of("0\n5\n5\n" + good, "d:1: UCI header line 1 must hold D (the number of documents) as a"
                        + " single positive integer, but found '0'"),
                Arguments.of("3\n-5\n5\n" + good, "d:2: UCI header line 2 must hold W (the number of words) as a"
                        + " single positive integer, but found '-5'"),
                Arguments.of("3\n5 5\n5\n" + good, "d:2: UCI header line 2 must hold W (the number of words) as a"
                        + " single positive integer, but found '5 5'"),
                Arguments.of("3\n5\n\n" + good, "d:3: UCI header line 3 must hold NNZ (the number of docID wordID"
                        + " count lines) as a single positive integer, but found an empty line"),
                Arguments.of("3\n5\n5.0\n" + good, "d:3: UCI header line 3 must hold NNZ (the number of docID wordID"
                        + " count lines) as a single positive integer, but found '5.0'"),
                Arguments.of("99999999999\n5\n5\n" + good, "d:1: UCI header line 1: D (the number of documents)"
                        + " 99999999999 is too large (more than 2147483647)"),
                Arguments.of("3\n5\n-99999999999\n" + good, "d:3: UCI header line 3 must hold NNZ (the number of"
                        + " docID wordID count lines) as a single positive integer, but found '-99999999999'"),
                // a missing header line: the first entry is read as NNZ
                Arguments.of("3\n5\n" + good, "d:3: UCI header line 3 must hold NNZ (the number of docID wordID"
                        + " count lines) as a single positive integer, but found '1 2 3'"),
                Arguments.of("2\n2\n5\n" + good, "d:3: declares 5 entries, more than the 4 (document, word) pairs of"
                        + " 2 documents and 2 words"),
                Arguments.of(h + "1 2\n", "d:4: expected 3 fields 'docID wordID count' but found 2: '1 2'"),
                Arguments.of(h + "1 2 3 4\n", "d:4: expected 3 fields 'docID wordID count' but found 4: '1 2 3 4'"),
                Arguments.of(h + "1,2,3\n", "d:4: expected 3 fields 'docID wordID count' but found 1: '1,2,3'"),
                Arguments.of(h + "x 2 3\n", "d:4: invalid document id 'x': not an integer"),
                Arguments.of(h + "1.0 2 3\n", "d:4: invalid document id '1.0': not an integer"),
                Arguments.of(h + "+1 2 3\n", "d:4: invalid document id '+1': not an integer"),
                Arguments.of(h + "0 2 3\n", "d:4: document id 0 is out of range: UCI ids are 1-based"),
                Arguments.of(h + "-1 2 3\n", "d:4: document id -1 is negative: UCI ids are 1-based"),
                Arguments.of(h + "4 2 3\n", "d:4: document id 4 exceeds the 3 documents declared on line 1"),
                Arguments.of(h + "99999999999 2 3\n", "d:4: document id 99999999999 exceeds the 3 documents declared"
                        + " on line 1"),
                Arguments.of(h + "1 6 3\n", "d:4: word id 6 exceeds the 5 words declared on line 2"),
                Arguments.of(h + "1 0 3\n", "d:4: word id 0 is out of range: UCI ids are 1-based"),
                Arguments.of(h + "1 2 0\n", "d:4: count 0 must be positive: an entry stands for at least one"
                        + " occurrence of its word"),
                Arguments.of(h + "1 2 -3\n", "d:4: count -3 is negative"),
                Arguments.of(h + "1 2 1.5\n", "d:4: invalid count '1.5': not an integer"),
                Arguments.of(h + "1 2 99999999999\n", "d:4: count 99999999999 is too large (more than 2147483647)"),
                Arguments.of("1\n2\n2\n1 1 2147483000\n1 2 1000\n", "d:5: the counts add up to 2147484000 tokens,"
                        + " more than the 2147483639 an int array can hold"),
                Arguments.of(h + "1 2 3\n1 5 1\n1 2 7\n", "d:6: duplicate entry for document 1 and word 2: already on"
                        + " line 4"),
                // unsorted: found after the last line, still blaming the second occurrence
                Arguments.of(h + "3 2 3\n1 5 1\n3 1 1\n3 2 7\n1 1 1\n", "d:7: duplicate entry for document 3 and word"
                        + " 2: already on line 4"),
                Arguments.of("3\n5\n2\n1 2 3\n1 5 1\n3 1 2\n", "d:6: more entries than the 2 declared on line 3"),
                Arguments.of(h + "1 2 3\n1 5 1\n", "d: unexpected end of file after line 5: 2 of the 5 entries"
                        + " declared on line 3 (truncated file?)"),
                Arguments.of(h + "1 2 3\n1 5 1\n3 1 2\n3 2 1\n3 4", "d:8: expected 3 fields 'docID wordID count' but"
                        + " found 2: '3 4'"),
                Arguments.of(h + "1 2 3\n\n1 5 1\n3 1 2\n3 2 1\n3 4 4\n", "d:5: blank line between entries: every"
                        + " line after the three header lines must be 'docID wordID count'"),
                Arguments.of(h + "1 2 3" + " ".repeat(200) + "\n", "d:4: line is longer than maxLineLength (100 bytes);"
                        + " is this really a UCI docword file?"));
    }

    @ParameterizedTest
    @MethodSource("uciDocwordErrors")
    void uciDocword(String docword, String message) {
        assertThat(uci(docword, VOCAB5)).hasMessage(message);
    }

    // ---- vocabulary files (UCI: W = 5 declared on docword line 2; LDA-C: any size) ----

    static Stream<Arguments> vocabularyErrors() {
        return Stream.of(
                Arguments.of("apple\nbanana\ncherry\ndate\n", "v: only 4 words, but line 2 of d declares 5 (one word"
                        + " per line)"),
                Arguments.of(VOCAB5 + "fig\n", "v:6: more words than the 5 declared on line 2 of d"),
                Arguments.of("apple\nbanana\napple\ndate\nelder\n", "v:3: duplicate word 'apple': already on line 1"),
                Arguments.of("apple\nba nana\ncherry\ndate\nelder\n", "v:2: word 'ba nana' contains whitespace (U+0020)"
                        + " at position 3: a vocabulary holds one word per line"),
                Arguments.of("apple\nbanana\tsplit\ncherry\ndate\nelder\n", "v:2: word 'banana\\x09split' contains"
                        + " whitespace (U+0009) at position 7: a vocabulary holds one word per line"),
                Arguments.of("apple \nbanana\ncherry\ndate\nelder\n", "v:1: word 'apple ' contains whitespace (U+0020)"
                        + " at position 6: a vocabulary holds one word per line"),
                Arguments.of("apple\nno\u00A0break\ncherry\ndate\nelder\n", "v:2: word 'no\u00A0break' contains"
                        + " whitespace (U+00A0) at position 3: a vocabulary holds one word per line"),
                Arguments.of("apple\n\nbanana\ncherry\ndate\nelder\n", "v:2: blank line: every line must hold one word"
                        + " (line k is word k), so a blank line would shift the ids of all later words"),
                Arguments.of("apple\nba\u00FFnana\ncherry\ndate\nelder\n", null), // replaced below by a 0xFF byte
                Arguments.of("", "v: only 0 words, but line 2 of d declares 5 (one word per line)"));
    }

    @ParameterizedTest
    @MethodSource("vocabularyErrors")
    void uciVocabulary(String vocab, String message) {
        String docword = "3\n5\n5\n1 2 3\n1 5 1\n3 1 2\n3 2 1\n3 4 4\n";
        if (message == null) { // raw bytes: 0xFF is never UTF-8
            byte[] b = CorpusSamples.utf8(vocab.replace('\u00FF', '#'));
            b[vocab.indexOf('\u00FF')] = (byte) 0xFF;
            InputException e = catchThrowableOfType(InputException.class, () -> CorpusReader.readUci(
                    CorpusSamples.stream(docword), "d", CorpusSamples.stream(b), "v", MAX_LINE));
            assertThat(e).hasMessage("v:2: not valid UTF-8: byte 0xFF at byte 3 of the line");
            return;
        }
        assertThat(uci(docword, vocab)).hasMessage(message);
    }

    @Test
    void ldaCVocabularyErrors() {
        assertThat(ldaC("1 0:1\n", "")).hasMessage("v: empty vocabulary file: expected one word per line");
        assertThat(ldaC("1 0:1\n", "\n\n")).hasMessage("v: empty vocabulary file: expected one word per line");
        assertThat(ldaC("1 0:1\n", "a\nb\na\n")).hasMessage("v:3: duplicate word 'a': already on line 1");
        assertThat(ldaC("1 0:1\n", "a\n\nb\n")).hasMessageStartingWith("v:2: blank line: every line must hold one word");
    }

    // ---- LDA-C ----

    static Stream<Arguments> ldaCErrors() {
        String ok = "2 0:1 4:2\n"; // line 1; the bad line is line 2
        return Stream.of(
                Arguments.of(ok + "x 1:2", "a:2: invalid pair count N 'x': not an integer"),
                Arguments.of(ok + "-1 1:2", "a:2: pair count N -1 is negative"),
                Arguments.of(ok + "1:2 3:4", "a:2: missing pair count: an LDA-C line starts with N, the number of"
                        + " id:count pairs, but found '1:2'"),
                Arguments.of(ok + "2 1:2", "a:2: the line starts with N = 2 but has 1 id:count pair"),
                Arguments.of(ok + "1 1:2 3:1", "a:2: the line starts with N = 1 but has 2 id:count pairs"),
                Arguments.of(ok + "0 1:2", "a:2: the line starts with N = 0 but has 1 id:count pair"),
                Arguments.of(ok + "1 2", "a:2: invalid pair '2': expected id:count"),
                Arguments.of(ok + "1 x:2", "a:2: invalid word id 'x': not an integer in pair 'x:2'"),
                Arguments.of(ok + "1 :2", "a:2: empty word id in pair ':2'"),
                Arguments.of(ok + "1 -1:2", "a:2: word id -1 is negative in pair '-1:2': LDA-C word ids are 0-based"),
                Arguments.of(ok + "1 99999999999:1", "a:2: word id 99999999999 is too large (more than 2147483647) in"
                        + " pair '99999999999:1'"),
                Arguments.of(ok + "1 2:", "a:2: empty count in pair '2:'"),
                Arguments.of(ok + "1 2:0", "a:2: count 0 must be positive in pair '2:0'"),
                Arguments.of(ok + "1 2:-1", "a:2: count -1 is negative in pair '2:-1'"),
                Arguments.of(ok + "1 2:1.5", "a:2: invalid count '1.5': not an integer in pair '2:1.5'"),
                Arguments.of(ok + "1 2:3:4", "a:2: invalid count '3:4': not an integer in pair '2:3:4'"),
                Arguments.of(ok + "1 2:99999999999", "a:2: count 99999999999 is too large (more than 2147483647) in"
                        + " pair '2:99999999999'"),
                Arguments.of(ok + "2 1:2147483000 2:1000", "a:2: the counts add up to 2147484003 tokens, more than the"
                        + " 2147483639 an int array can hold"),
                Arguments.of(ok + "3 3:1 1:2 3:2", "a:2: word id 3 appears twice in the document: pairs 1 and 3"),
                Arguments.of(ok + "\n1 1:1\n", "a:2: blank line: every line is a document (write '0' for an empty"
                        + " one), so a blank line would shift the numbers of all later documents"),
                Arguments.of(ok + "1 5:1", "a:2: word id 5 is outside the vocabulary: v has 5 words (ids 0..4)"),
                Arguments.of(ok + "1 1:1" + " ".repeat(100), "a:2: line is longer than maxLineLength (100 bytes); is"
                        + " this really an LDA-C file?"),
                Arguments.of("", "a: no documents: the file is empty or blank"),
                Arguments.of("\n \n\r\n", "a: no documents: the file is empty or blank"),
                Arguments.of("0\n0\n0", "a: no tokens: all 3 documents are empty"));
    }

    @ParameterizedTest
    @MethodSource("ldaCErrors")
    void ldaCData(String data, String message) {
        assertThat(ldaC(data, VOCAB5)).hasMessage(message);
    }

    @Test
    void ldaCWithoutVocabularyLimitsIds() {
        assertThat(ldaC("1 3:1\n1 4194304:1\n", null)).hasMessage("a:2: word id 4194304 is too large to read without"
                + " a vocabulary file (the limit is 4194303); give the vocabulary");
        assertThat(CorpusReader.readLdaC(CorpusSamples.stream("1 99999:1\n"), "a", null, null, MAX_LINE)
                .vocabularySize()).isEqualTo(100000);
    }

    // ---- text ----

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of(new int[] {0x80}, "0x80"), // a stray continuation byte
                Arguments.of(new int[] {0xBF}, "0xBF"),
                Arguments.of(new int[] {0xC0, 0x80}, "0xC0"), // overlong NUL
                Arguments.of(new int[] {0xC1, 0xBF}, "0xC1"),
                Arguments.of(new int[] {0xE0, 0x80, 0x80}, "0xE0"), // overlong
                Arguments.of(new int[] {0xED, 0xA0, 0x80}, "0xED"), // a UTF-16 surrogate
                Arguments.of(new int[] {0xF0, 0x80, 0x80, 0x80}, "0xF0"), // overlong
                Arguments.of(new int[] {0xF4, 0x90, 0x80, 0x80}, "0xF4"), // beyond U+10FFFF
                Arguments.of(new int[] {0xF5, 0x80, 0x80, 0x80}, "0xF5"),
                Arguments.of(new int[] {0xFE}, "0xFE"),
                Arguments.of(new int[] {0xFF}, "0xFF"),
                Arguments.of(new int[] {0xC3}, "0xC3"), // truncated before a space
                Arguments.of(new int[] {0xE2, 0x82}, "0xE2"));
    }

    @ParameterizedTest
    @MethodSource("invalidUtf8")
    void textInvalidUtf8NamesLineAndByte(int[] bad, String shown) {
        byte[] head = CorpusSamples.utf8("first line\nab");
        byte[] tail = CorpusSamples.utf8(" cd\nthird\n");
        byte[] all = Arrays.copyOf(head, head.length + bad.length + tail.length);
        for (int i = 0; i < bad.length; i++) {
            all[head.length + i] = (byte) bad[i];
        }
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        assertThat(text(all, CorpusReader.TextOptions.defaults()))
                .hasMessage("t:2: not valid UTF-8: byte " + shown + " at byte 3 of the line");
        // At the very end of the input, without a line end, too.
        byte[] atEnd = Arrays.copyOf(head, head.length + bad.length);
        for (int i = 0; i < bad.length; i++) {
            atEnd[head.length + i] = (byte) bad[i];
        }
        assertThat(text(atEnd, CorpusReader.TextOptions.defaults()))
                .hasMessage("t:2: not valid UTF-8: byte " + shown + " at byte 3 of the line");
    }

    @Test
    void textEmptyCorpora() {
        assertThat(text("")).hasMessage("t: no documents: the file is empty");
        assertThat(text("\n\n")).hasMessage("t: no tokens: no line has a word (a run of letters or digits)");
        assertThat(text("... !!!\n-- ?")).hasMessage("t: no tokens: no line has a word (a run of letters or digits)");
        assertThat(text("a 1 2 3\nb 1990")).hasMessage("t: no tokens: all 6 words were removed by the filters"
                + " (minLength 2, numbers dropped, 0 stop words)");
        assertThat(text(CorpusSamples.utf8("The and of\nthe"),
                CorpusReader.TextOptions.defaults().withStopWords(Set.of("the", "and", "of"))))
                .hasMessage("t: no tokens: all 4 words were removed by the filters (minLength 2, numbers dropped,"
                        + " 3 stop words)");
        assertThat(text(CorpusSamples.utf8("alpha beta\nbeta gamma"), CorpusReader.TextOptions.defaults()
                .withMinCount(3))).hasMessage("t: no tokens: all 3 distinct words occur fewer than minCount = 3 times");
    }

    @Test
    void textLineTooLong() {
        assertThat(text(CorpusSamples.utf8("short\n" + "word ".repeat(30) + "\nshort"),
                CorpusReader.TextOptions.defaults().withMaxLineLength(100)))
                .hasMessage("t:2: line is longer than maxLineLength (100 bytes); each line is one document: raise"
                        + " maxLineLength for longer documents");
    }

    // ---- compressed input ----

    @Test
    void truncatedOrCorruptCompressedInput() {
        byte[] docword = CorpusSamples.utf8("3\n5\n5\n1 2 3\n1 5 1\n3 1 2\n3 2 1\n3 4 4\n");
        byte[] gz = CorpusSamples.gzip(docword);
        InputException e = catchThrowableOfType(InputException.class, () -> CorpusReader.readUci(
                CorpusSamples.stream(Arrays.copyOf(gz, gz.length - 5)), "d", CorpusSamples.stream(VOCAB5), "v", 100));
        assertThat(e.getMessage()).startsWith("d: compressed data is truncated or corrupt (gzip: ");
        assertThat(e.line()).isZero();
        byte[] vocabGz = CorpusSamples.gzip(CorpusSamples.utf8(VOCAB5));
        byte[] crc = vocabGz.clone();
        crc[crc.length - 6] ^= 1; // in the CRC-32 trailer
        e = catchThrowableOfType(InputException.class, () -> CorpusReader.readUci(CorpusSamples.stream(docword), "d",
                CorpusSamples.stream(crc), "v", 100));
        assertThat(e.getMessage()).startsWith("v: compressed data is truncated or corrupt (gzip: ");
        byte[] xz = CorpusSamples.xz(CorpusSamples.utf8("word and more words\nline two\n"));
        e = catchThrowableOfType(InputException.class, () -> CorpusReader.readText(
                CorpusSamples.stream(Arrays.copyOf(xz, xz.length / 2)), "t", CorpusReader.TextOptions.defaults()));
        assertThat(e.getMessage()).startsWith("t: compressed data is truncated or corrupt (xz: ");
        e = catchThrowableOfType(InputException.class, () -> CorpusReader.detect(
                CorpusSamples.stream(Arrays.copyOf(gz, 5)), "x"));
        assertThat(e.getMessage()).startsWith("x: compressed data is truncated or corrupt (gzip: ");
        e = catchThrowableOfType(InputException.class, () -> CorpusReader.readLdaC(
                CorpusSamples.stream(new byte[] {'B', 'Z', 'h', '9', 1, 2}), "a", null, null, 100));
        assertThat(e).hasMessageStartingWith("a: bzip2-compressed data is not supported");
    }

    // ---- files ----

    @Test
    void missingFilesAndDirectories() throws IOException {
        Path missing = dir.resolve("missing.txt");
        Path vocab = Files.writeString(dir.resolve("vocab.txt"), VOCAB5);
        Path docword = Files.writeString(dir.resolve("docword.txt"), "1\n5\n1\n1 1 1\n");
        assertThat(catchThrowableOfType(InputException.class, () -> CorpusReader.readUci(missing, vocab)))
                .hasMessage(missing + ": file not found");
        assertThat(catchThrowableOfType(InputException.class, () -> CorpusReader.readUci(docword, missing)))
                .hasMessage(missing + ": file not found");
        assertThat(catchThrowableOfType(InputException.class, () -> CorpusReader.readLdaC(dir, null)))
                .hasMessage(dir + ": is a directory, not an LDA-C file");
        assertThat(catchThrowableOfType(InputException.class, () -> CorpusReader.readLdaC(docword, dir)))
                .hasMessage(dir + ": is a directory, not a vocabulary file");
        assertThat(catchThrowableOfType(InputException.class, () -> CorpusReader.readText(missing)))
                .hasMessage(missing + ": file not found");
        assertThat(catchThrowableOfType(InputException.class, () -> CorpusReader.detect(missing)))
                .hasMessage(missing + ": file not found");
        assertThat(catchThrowableOfType(InputException.class, () -> CorpusReader.readStopWords(missing)))
                .hasMessage(missing + ": file not found");
        // The file names in messages are the paths as given.
        Path bad = Files.writeString(dir.resolve("bad.dat"), "1 0:1\n2 0:1\n");
        assertThat(catchThrowableOfType(InputException.class, () -> CorpusReader.readLdaC(bad, vocab)))
                .hasMessage(bad + ":2: the line starts with N = 2 but has 1 id:count pair");
        Path badVocab = Files.writeString(dir.resolve("v.txt"), "a\na\n");
        assertThat(catchThrowableOfType(InputException.class, () -> CorpusReader.readUci(docword, badVocab)))
                .hasMessage(badVocab + ":2: duplicate word 'a': already on line 1");
    }

    @Test
    void stopWordFileErrors() throws IOException {
        Path two = Files.writeString(dir.resolve("stop.txt"), "# list\nthe\nof the\n");
        assertThat(catchThrowableOfType(InputException.class, () -> CorpusReader.readStopWords(two)))
                .hasMessage(two + ":3: 'of the' is not one word: a stop-word file holds one word per line");
        Path bad = dir.resolve("stop2.txt");
        Files.write(bad, new byte[] {'a', '\n', 'b', (byte) 0xC3, '\n'});
        assertThat(catchThrowableOfType(InputException.class, () -> CorpusReader.readStopWords(bad)))
                .hasMessage(bad + ":2: not valid UTF-8: byte 0xC3 at byte 2 of the line");
        Path empty = Files.writeString(dir.resolve("stop3.txt"), "# nothing\n\n");
        assertThat(CorpusReader.readStopWords(empty)).isEmpty();
    }
}
