package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of malformed ratings input, each with the exact line it must be blamed on and what the reason says. */
class RatingsReaderErrorTest {

    @TempDir
    Path dir;

    private static final String SRC = RatingsSamples.SOURCE;

    /** Good lines, a comment and a blank line, so that the bad line appended after them is line 4. */
    private static String prefix(RatingsFormat f) {
        switch (f) {
            case MOVIELENS:
                return "1::10::5::978300760\n# comment\n\n";
            case CSV:
                return "1,10,5,978300760\n# comment\n\n";
            default:
                return "1\t10\t5\t978300760\n# comment\n\n";
        }
    }

    static Stream<Arguments> malformedLines() {
        return Stream.of(
                // format, bad line, reason fragments
                Arguments.of(RatingsFormat.MOVIELENS, "1::2", new String[] {"expected 3 or 4 fields", "found 2", "'1::2'"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1::2::3::4::5", new String[] {"found 5", "movielens format"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1", new String[] {"found 1"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1::2::abc", new String[] {"invalid rating 'abc'", "not a number"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1::2::NaN", new String[] {"rating 'NaN'", "not finite"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1::2::-inf", new String[] {"rating '-inf'", "not finite"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1::2::Infinity", new String[] {"rating 'Infinity'", "not finite"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1::2::1e999", new String[] {"rating '1e999'", "float range"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1::2::4e38", new String[] {"rating '4e38'", "float range"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1::2::", new String[] {"empty rating"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1::2::4,5", new String[] {"invalid rating '4,5'"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1::2::3::12.5", new String[] {"invalid timestamp '12.5'",
                    "not an integer"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1::2::3::", new String[] {"empty timestamp"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1::2::3::99999999999999999999",
                    new String[] {"timestamp '99999999999999999999'", "64-bit"}),
                Arguments.of(RatingsFormat.MOVIELENS, "::2::3", new String[] {"empty user id"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1:: ::3", new String[] {"empty item id"}),
                Arguments.of(RatingsFormat.MOVIELENS, "a b::2::3", new String[] {"user id 'a b' contains whitespace"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1::x\u00A0y::3", new String[] {"item id", "whitespace",
                    "U+00A0"}),
                Arguments.of(RatingsFormat.MOVIELENS, "1::x\u0001\u001Fy::3", new String[] {"item id 'x\\x01\\x1Fy'",
                    "whitespace"}),
                Arguments.of(RatingsFormat.TSV, "1 2", new String[] {"expected 3 or 4 fields", "found 2", "tsv format"}),
                Arguments.of(RatingsFormat.TSV, "1\t2\t3\t4\t5", new String[] {"found 5"}),
                Arguments.of(RatingsFormat.TSV, "1 2 x", new String[] {"invalid rating 'x'"}),
                Arguments.of(RatingsFormat.TSV, "1 2 nan 5", new String[] {"rating 'nan'", "not finite"}),
                Arguments.of(RatingsFormat.TSV, "1 2 0x10", new String[] {"invalid rating '0x10'"}),
                Arguments.of(RatingsFormat.TSV, "1 2 3 x", new String[] {"invalid timestamp 'x'"}),
                Arguments.of(RatingsFormat.TSV, "1 2 3 1e9", new String[] {"invalid timestamp '1e9'"}),
                Arguments.of(RatingsFormat.TSV, "1 2 3\u0001", new String[] {"invalid rating '3\\x01'"}),
                Arguments.of(RatingsFormat.CSV, "1,2", new String[] {"expected 3 or 4 fields", "found 2", "csv format"}),
                Arguments.of(RatingsFormat.CSV, "1,2,3,4,5", new String[] {"found 5"}),
                Arguments.of(RatingsFormat.CSV, "1,2,x", new String[] {"invalid rating 'x'"}),
                Arguments.of(RatingsFormat.CSV, "1,2,,5", new String[] {"empty rating"}),
                Arguments.of(RatingsFormat.CSV, ",2,3", new String[] {"empty user id"}),
                Arguments.of(RatingsFormat.CSV, "1,,3", new String[] {"empty item id"}),
                Arguments.of(RatingsFormat.CSV, "1,2,3,ts", new String[] {"invalid timestamp 'ts'"}),
                Arguments.of(RatingsFormat.CSV, "1,2 3,3", new String[] {"item id '2 3' contains whitespace"}),
                Arguments.of(RatingsFormat.CSV, "user,item,rating", new String[] {"invalid rating 'rating'"}));
    }

    @ParameterizedTest
    @MethodSource("malformedLines")
    void blamesTheRightLineAndNamesTheToken(RatingsFormat format, String badLine, String[] reasonParts) {
        String text = prefix(format) + badLine + "\n" + prefix(format).replace("10", "11");
        for (RatingsReader.Options o : new RatingsReader.Options[] {
            RatingsReader.Options.defaults(), RatingsReader.Options.defaults().withFormat(format)}) {
            InputException e = readFailure(text, o);
            assertThat(e.line()).as(e.getMessage()).isEqualTo(4);
            assertThat(e.file()).isEqualTo(SRC);
            assertThat(e.reason()).contains(reasonParts);
            assertThat(e.getMessage()).startsWith(SRC + ":4: ");
        }
    }

    @Test
    void duplicatePairNamesBothLines() {
        InputException e = readFailure("1::2::5\n3::4::1\n\n1::2::3\n", RatingsReader.Options.defaults());
        assertThat(e.getMessage()).isEqualTo(SRC + ":4: duplicate rating for user '1' and item '2': already rated"
                + " on line 1");
    }

    @Test
    void theDuplicateWhoseRepeatComesFirstIsReported() {
        InputException e = readFailure("a b 1\nc d 1\nc d 2\na b 2\n", RatingsReader.Options.defaults());
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).contains("user 'c' and item 'd'", "line 2");
    }

    @Test
    void duplicatesInCsvAndMatrixMarket() {
        InputException csv = readFailure("user,item,rating\nu,i,1\nv,i,2\nu,i,3\n", RatingsReader.Options.defaults());
        assertThat(csv.line()).isEqualTo(4);
        assertThat(csv.reason()).contains("already rated on line 2");
        InputException mm = readFailure("%%MatrixMarket matrix coordinate real general\n3 3 3\n1 1 1\n2 2 2\n1 1 3\n",
                RatingsReader.Options.defaults());
        assertThat(mm.line()).isEqualTo(5);
        assertThat(mm.reason()).contains("user '1' and item '1'", "line 3");
    }

    @Test
    void overlongLineFailsInsteadOfBuffering() {
        RatingsReader.Options o = RatingsReader.Options.defaults().withMaxLineLength(20);
        InputException e = readFailure("1 2 3\n1 3 4 5000000000000000000000\n", o);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("maxLineLength", "20");

        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return '1';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) '1');
                return len;
            }
        };
        InputException e2 = catchThrowableOfType(InputException.class,
                () -> RatingsReader.read(endless, "endless", RatingsReader.Options.defaults()));
        assertThat(e2.getMessage()).startsWith("endless:1: line is longer than maxLineLength (1048576 bytes)");
    }

    @Test
    void noRatingsInFile() {
        for (String text : new String[] {"", "\n\n", "# only\n  # comments\r\n\t\n", "\uFEFF"}) {
            InputException e = readFailure(text, RatingsReader.Options.defaults());
            assertThat(e.getMessage()).isEqualTo(SRC + ": no ratings in file: the input is empty or has only blank"
                    + " and comment lines");
        }
        assertThat(readFailure("userId,movieId,rating,timestamp\n# nothing else\n", RatingsReader.Options.defaults())
                .getMessage()).isEqualTo(SRC + ": no ratings in file: only a header line");
        assertThat(readFailure("%%MatrixMarket matrix coordinate real general\n% empty\n3 3 0\n",
                RatingsReader.Options.defaults()).getMessage()).isEqualTo(SRC + ": no ratings in file");
        Ratings train = RatingsSamples.read("a b 1\n");
        RatingsReader.Options skip = RatingsReader.Options.defaults().withIdsOf(train)
                .withUnknownIds(RatingsReader.UnknownIds.SKIP);
        assertThat(readFailure("x y 1\na z 2\n", skip).getMessage()).isEqualTo(SRC + ": no ratings in file: all 2"
                + " were skipped because their user or item is not in the given id maps");
    }

    static Stream<Arguments> badMatrixMarket() {
        String h = "%%MatrixMarket matrix coordinate real general\n";
        return Stream.of(
                // text, line, reason fragments
                Arguments.of("%%MatrixMarket matrix coordinate pattern general\n2 2 1\n1 1\n", 1,
                    new String[] {"'pattern'", "no values"}),
                Arguments.of("%%MatrixMarket matrix coordinate complex general\n2 2 1\n1 1 1 0\n", 1,
                    new String[] {"'complex'"}),
                Arguments.of("%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n", 1,
                    new String[] {"'array' (dense)", "coordinate"}),
                Arguments.of("%%MatrixMarket matrix coordinate real symmetric\n2 2 1\n1 1 1\n", 1,
                    new String[] {"'symmetric'", "half", "general"}),
                Arguments.of("%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n2 1 1\n", 1,
                    new String[] {"'skew-symmetric'"}),
                Arguments.of("%%MatrixMarket matrix coordinate complex hermitian\n2 2 1\n1 1 1 0\n", 1,
                    new String[] {"'complex'"}),
                Arguments.of("%%MatrixMarket matrix coordinate real hermitian\n2 2 1\n1 1 1\n", 1,
                    new String[] {"'hermitian'"}),
                Arguments.of("%%MatrixMarket vector coordinate real general\n2 1\n1 1\n", 1,
                    new String[] {"object 'vector'"}),
                Arguments.of("%%MatrixMarket matrix coordinate real\n2 2 1\n1 1 1\n", 1,
                    new String[] {"invalid MatrixMarket header"}),
                Arguments.of("%%MatrixMarket matrix coordinate double general\n2 2 1\n1 1 1\n", 1,
                    new String[] {"field 'double'"}),
                Arguments.of(h + "% c\n2 2\n1 1 1\n", 3, new String[] {"invalid size line '2 2'"}),
                Arguments.of(h + "2 x 1\n1 1 1\n", 2, new String[] {"invalid size line"}),
                Arguments.of(h + "2 2 -1\n1 1 1\n", 2, new String[] {"invalid size line"}),
                Arguments.of(h + "2 2 5\n1 1 1\n", 2, new String[] {"declares 5 entries", "4 cells", "2 x 2"}),
                Arguments.of(h + "3 4 2\n1 1 5\n0 1 5\n", 4, new String[] {"row index 0", "1-based"}),
                Arguments.of(h + "3 4 2\n1 1 5\n1 0 5\n", 4, new String[] {"column index 0", "1-based"}),
                Arguments.of(h + "3 4 2\n1 1 5\n-2 1 5\n", 4, new String[] {"row index -2", ">= 1"}),
                Arguments.of(h + "3 4 2\n1 1 5\n4 1 5\n", 4, new String[] {"row index 4 exceeds the 3 rows declared on"
                    + " line 2"}),
                Arguments.of(h + "3 4 2\n1 1 5\n3 5 5\n", 4, new String[] {"column index 5 exceeds the 4 columns"}),
                Arguments.of(h + "3 4 2\n1 1 5\n99999999999999999999999 1 5\n", 4, new String[] {"exceeds the 3 rows"}),
                Arguments.of(h + "3 4 2\n1 1 5\n1.5 1 5\n", 4, new String[] {"invalid row index '1.5'"}),
                Arguments.of(h + "3 4 2\n1 1 5\n1 1\n", 4, new String[] {"expected 3 fields", "found 2"}),
                Arguments.of(h + "3 4 2\n1 1 5\n1 2 3 4\n", 4, new String[] {"expected 3 fields", "found 4"}),
                Arguments.of(h + "3 4 2\n1 1 5\n1 2 x\n", 4, new String[] {"invalid value 'x'"}),
                Arguments.of(h + "3 4 2\n1 1 5\n1 2 nan\n", 4, new String[] {"value 'nan'", "not finite"}),
                Arguments.of(h.replace("real", "integer") + "3 4 2\n1 1 5\n1 2 2.5\n", 4,
                    new String[] {"invalid value '2.5'", "integer matrix"}),
                Arguments.of(h + "3 4 1\n1 1 5\n2 2 5\n", 4, new String[] {"more entries than the 1 declared on line 2"}),
                Arguments.of("# data follows\n196 242 3\n", 2, new String[] {"missing MatrixMarket header",
                    "'196 242 3'"}));
    }

    @ParameterizedTest
    @MethodSource("badMatrixMarket")
    void matrixMarketErrorsNameTheLine(String text, int line, String[] reasonParts) {
        InputException e = readFailure(text, RatingsReader.Options.defaults().withFormat(RatingsFormat.MATRIX_MARKET));
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.reason()).contains(reasonParts);
        assertThat(e.getMessage()).startsWith(SRC + ":" + line + ": ");
    }

    @Test
    void truncatedMatrixMarketNamesTheEnd() {
        String text = "%%MatrixMarket matrix coordinate real general\n% c\n3 4 3\n1 1 5\n2 2 4\n";
        InputException e = readFailure(text, RatingsReader.Options.defaults());
        assertThat(e.getMessage()).isEqualTo(SRC + ": unexpected end of file after line 5: 2 of the 3 entries declared"
                + " on line 3 (truncated file?)");
        InputException noSize = readFailure("%%MatrixMarket matrix coordinate real general\n% c\n",
                RatingsReader.Options.defaults());
        assertThat(noSize.getMessage()).isEqualTo(SRC + ": missing size line 'rows columns entries': the file ends"
                + " after line 2");
    }

    @Test
    void errorsInsideCompressedFilesStillNameTheLine() throws IOException {
        byte[] text = (prefix(RatingsFormat.TSV) + "1 2 x\n").getBytes(StandardCharsets.UTF_8);
        for (byte[] packed : new byte[][] {RatingsSamples.gzip(text), RatingsSamples.xz(text)}) {
            Path f = Files.write(dir.resolve("bad.z"), packed);
            InputException e = catchThrowableOfType(InputException.class, () -> RatingsReader.read(f));
            assertThat(e.getMessage()).startsWith(f + ":4: invalid rating 'x'");
        }
    }

    @Test
    void truncatedOrCorruptCompressedData() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 5000; k++) {
            sb.append(k / 10).append("::").append(k % 997).append("::").append(1 + k % 5).append('\n');
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] gz = RatingsSamples.gzip(text);
        byte[] xz = RatingsSamples.xz(text);
        byte[][] broken = {
            Arrays.copyOf(gz, gz.length / 2),
            Arrays.copyOf(gz, gz.length - 4),
            Arrays.copyOf(gz, 5),
            flip(gz, gz.length - 6), // CRC-32
            Arrays.copyOf(xz, xz.length / 2),
            Arrays.copyOf(xz, xz.length - 3),
            Arrays.copyOf(xz, 8),
        };
        for (int i = 0; i < broken.length; i++) {
            Path f = Files.write(dir.resolve("broken" + i), broken[i]);
            InputException e = catchThrowableOfType(InputException.class, () -> RatingsReader.read(f));
            assertThat(e).as("case %d", i).isNotNull();
            assertThat(e.line()).isZero();
            assertThat(e.getMessage()).startsWith(f + ": compressed data is truncated or corrupt ("
                    + (i < 4 ? "gzip" : "xz") + ": ");
            assertThat(e.getCause()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void recognizedButUnsupportedCompression() {
        byte[] bzip2 = {'B', 'Z', 'h', '9', '1', 'A', 'Y', '&'};
        InputException e = catchThrowableOfType(InputException.class, () -> RatingsReader.read(
                new ByteArrayInputStream(bzip2), "r.bz2", RatingsReader.Options.defaults()));
        assertThat(e.getMessage()).startsWith("r.bz2: bzip2-compressed data is not supported");
    }

    @Test
    void readErrorsAndMisbehavingStreamsAreInputExceptions() {
        InputStream failing = new InputStream() {
            int calls;

            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (calls++ == 0) {
                    byte[] lines = "1 1 1\n2 2 2\n".getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(lines, 0, b, off, lines.length);
                    return lines.length;
                }
                throw new IOException("disk on fire");
            }
        };
        InputException e = catchThrowableOfType(InputException.class,
                () -> RatingsReader.read(failing, "s", RatingsReader.Options.defaults()));
        assertThat(e.getMessage()).isEqualTo("s: read error after line 2: disk on fire");

        InputStream buggy = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("bug in a stream");
            }
        };
        InputException b = catchThrowableOfType(InputException.class,
                () -> RatingsReader.read(buggy, "b", RatingsReader.Options.defaults()));
        assertThat(b.getMessage()).startsWith("b: read error before the first line: ");
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = dir.resolve("nope.dat");
        InputException e = catchThrowableOfType(InputException.class, () -> RatingsReader.read(missing));
        assertThat(e.getMessage()).isEqualTo(missing + ": file not found");
        assertThat(e.getCause()).isInstanceOf(IOException.class);
        InputException d = catchThrowableOfType(InputException.class, () -> RatingsReader.read(dir));
        assertThat(d.getMessage()).isEqualTo(dir + ": is a directory, not a ratings file");
    }

    @Test
    void idsThatAreNotUtf8() {
        byte[] bytes = {'a', ' ', 'b', ' ', '1', '\n', 'a', (byte) 0xE9, ' ', 'b', ' ', '2', '\n'};
        InputException e = catchThrowableOfType(InputException.class,
                () -> RatingsReader.read(new ByteArrayInputStream(bytes), SRC, RatingsReader.Options.defaults()));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("user id", "not valid UTF-8");
    }

    @Test
    void longTokensAreShortenedInMessages() {
        InputException e = readFailure("a b " + "x".repeat(10_000) + "\n", RatingsReader.Options.defaults());
        assertThat(e.getMessage().length()).isLessThan(200);
        assertThat(e.reason()).contains("xxx...");
    }

    private static byte[] flip(byte[] data, int at) {
        byte[] copy = data.clone();
        copy[at] ^= 0x55;
        return copy;
    }

    private static InputException readFailure(String text, RatingsReader.Options o) {
        InputException e = catchThrowableOfType(InputException.class, () -> RatingsSamples.read(text, o));
        assertThat(e).as("expected an InputException for %s", text).isNotNull();
        return e;
    }
}
