package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The text reader's tokenizer and filters: case, punctuation, numbers, apostrophes, Unicode, stop words, pruning. */
class TextTokenizerTest {

    private static final CorpusReader.TextOptions DEFAULTS = CorpusReader.TextOptions.defaults();

    /** The tokens of one line as the tokenizer emits them. */
    private static List<String> tokens(String line, CorpusReader.TextOptions o) {
        TextTokenizer t = new TextTokenizer(o.lowercase(), o.minLength(), o.keepNumbers(), o.stopWords());
        List<String> out = new ArrayList<>();
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        assertThat(t.tokenize(b, 0, b.length, (c, len) -> out.add(new String(c, 0, len)))).isEqualTo(-1);
        return out;
    }

    private static List<String> tokens(String line) {
        return tokens(line, DEFAULTS);
    }

    /** Every document of a text corpus read with {@code o}, as space-separated words. */
    private static List<String> read(String text, CorpusReader.TextOptions o) {
        return CorpusReaderTest.docs(CorpusReader.readText(CorpusSamples.stream(text), "mem", o));
    }

    @Test
    void lowerCasesByDefault() {
        assertThat(tokens("The CAT sat")).containsExactly("the", "cat", "sat");
        assertThat(tokens("The CAT sat", DEFAULTS.withLowercase(false))).containsExactly("The", "CAT", "sat");
    }

    @Test
    void punctuationAndSymbolsSeparate() {
        assertThat(tokens("Hello, world! (state-of-the-art) e-mail: foo@bar.com; x_y \"quoted\" a/b+c=d"))
                .containsExactly("hello", "world", "state", "of", "the", "art", "mail", "foo", "bar", "com", "quoted");
        assertThat(tokens("tab\tand\r\nnewline\u00A0nbsp\u2003em")).containsExactly("tab", "and", "newline", "nbsp", "em");
    }

    @Test
    void numbersAreDroppedUnlessKeptButMixedTokensStay() {
        assertThat(tokens("In 1990 the B52 flew 3d 1,000 12.5 times"))
                .containsExactly("in", "the", "b52", "flew", "3d", "times");
        assertThat(tokens("In 1990 the B52 flew 3d 1,000 12.5 times", DEFAULTS.withKeepNumbers(true)))
                .containsExactly("in", "1990", "the", "b52", "flew", "3d", "000", "12", "times");
        assertThat(tokens("٣٤ ١٩٩٠ ab")).containsExactly("ab"); // Arabic-Indic digits are digits too
    }

    @Test
    void innerApostrophesJoinOuterOnesDoNot() {
        assertThat(tokens("don't o'clock 'quoted' dogs' rock'n'roll it''s ’tis isn’t"))
                .containsExactly("don't", "o'clock", "quoted", "dogs", "rock'n'roll", "it", "tis", "isn't");
        assertThat(tokens("a'b", DEFAULTS.withMinLength(1))).containsExactly("a'b");
        assertThat(tokens("'90s 1'000")).containsExactly("90s"); // digits with an apostrophe are still a number
    }

    @Test
    void unicodeLettersAreWordCharacters() {
        assertThat(tokens("Café STRASSE Straße naïve ÉCOLE Ωmega Москва 東京 über-cool"))
                .containsExactly("café", "strasse", "straße", "naïve", "école", "ωmega", "москва", "東京", "über", "cool");
        // 'e' + COMBINING ACUTE ACCENT stays one token; a mark with no letter before it separates.
        assertThat(tokens("cafe\u0301 \u0301x yz")).containsExactly("cafe\u0301", "yz");
        // Supplementary code points: Mathematical bold letters are letters.
        assertThat(tokens("\uD835\uDC00\uD835\uDC01 ok")).containsExactly("\uD835\uDC00\uD835\uDC01", "ok");
        assertThat(tokens("ΟΔΟΣ")).containsExactly("ΟΔΟΣ".toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void minLengthCountsCodePoints() {
        assertThat(tokens("a I to be or not")).containsExactly("to", "be", "or", "not");
        assertThat(tokens("a I to", DEFAULTS.withMinLength(1))).containsExactly("a", "i", "to");
        assertThat(tokens("the cat ox", DEFAULTS.withMinLength(3))).containsExactly("the", "cat");
        assertThat(tokens("\uD835\uDC00\uD835\uDC01", DEFAULTS.withMinLength(3))).isEmpty(); // 2 code points, 4 chars
        assertThat(tokens("é日", DEFAULTS.withMinLength(2))).containsExactly("é日");
    }

    @Test
    void stopWordsMatchRegardlessOfCaseAndApostropheForm() {
        CorpusReader.TextOptions o = DEFAULTS.withStopWords(Set.of("the", "Don’t", "ÜBER"));
        assertThat(tokens("The cat don't go über THE wall", o)).containsExactly("cat", "go", "wall");
        assertThat(tokens("The cat don't go Über THE wall", o.withLowercase(false))).containsExactly("cat", "go", "wall");
        CorpusReader.TextOptions english = DEFAULTS.withStopWords(CorpusReader.englishStopWords());
        assertThat(tokens("The cat is on the mat, and it doesn't move.", english))
                .containsExactly("cat", "mat", "move");
    }

    @Test
    void minCountPrunesRareWordsFromEveryDocument() {
        String text = "apple banana cherry\nbanana cherry\ncherry date\n";
        assertThat(read(text, DEFAULTS)).containsExactly("apple banana cherry", "banana cherry", "cherry date");
        assertThat(read(text, DEFAULTS.withMinCount(2))).containsExactly("banana cherry", "banana cherry", "cherry");
        Corpus c = CorpusReader.readText(CorpusSamples.stream(text), "mem", DEFAULTS.withMinCount(3));
        assertThat(CorpusReaderTest.docs(c)).containsExactly("cherry", "cherry", "cherry");
        assertThat(c.vocabularySize()).isEqualTo(1);
    }

    @Test
    void vocabularyIdsFollowFirstAppearanceAfterPruning() {
        Corpus c = CorpusReader.readText(CorpusSamples.stream("zeta rare alpha\nalpha zeta beta beta\n"), "mem",
                DEFAULTS.withMinCount(2));
        assertThat(c.vocabularySize()).isEqualTo(3);
        assertThat(c.vocabulary().id(0)).isEqualTo("zeta");
        assertThat(c.vocabulary().id(1)).isEqualTo("alpha");
        assertThat(c.vocabulary().id(2)).isEqualTo("beta");
        assertThat(c.words()).containsExactly(0, 1, 1, 0, 2, 2);
    }

    @Test
    void emptyAndPunctuationOnlyLinesAreEmptyDocuments() {
        assertThat(read("\n... !!\nword\n\n", DEFAULTS)).containsExactly("", "", "word", "");
        assertThat(read("word", DEFAULTS)).containsExactly("word");
        assertThat(read("\uFEFFword\r\nnext\r\n", DEFAULTS)).containsExactly("word", "next");
    }

    @Test
    void longTokensAndManyWordsGrowTheBuffers() {
        String longWord = "x".repeat(5000) + "é".repeat(3000);
        assertThat(tokens(longWord + " ok")).containsExactly(longWord, "ok");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20000; i++) {
            sb.append("w").append(Integer.toString(i, 36)).append(i % 7 == 0 ? "\n" : " ");
        }
        Corpus c = CorpusReader.readText(CorpusSamples.stream(sb.toString()), "mem", DEFAULTS);
        assertThat(c.vocabularySize()).isEqualTo(20000);
        assertThat(c.numTokens()).isEqualTo(20000);
        assertThat(c.vocabulary().id(12345)).isEqualTo("w" + Integer.toString(12345, 36));
    }
}
