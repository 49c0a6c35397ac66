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
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of malformed input, each with the line it must be blamed on and what the reason must say. */
class LibSvmReaderErrorTest {

    @TempDir
    Path dir;

    private static final String GOOD = "1 1:1\n# comment\n\n";

    static Stream<Arguments> malformedLines() {
        return Stream.of(
                // bad line (appended after two good lines + comment + blank, so it is line 4), reason fragments
                Arguments.of("abc 1:1", new String[] {"invalid label 'abc'", "not a number"}),
                Arguments.of("1:1 2:2", new String[] {"missing label", "'1:1'"}),
                Arguments.of("qid:3 1:1", new String[] {"missing label", "'qid:3'"}),
                Arguments.of("nan 1:1", new String[] {"label 'nan'", "not finite"}),
                Arguments.of("-Infinity 1:1", new String[] {"label '-Infinity'", "not finite"}),
                Arguments.of("1e999 1:1", new String[] {"label '1e999'", "not finite"}),
                Arguments.of("1 2:1 3", new String[] {"'3'", "missing ':'"}),
                Arguments.of("1 2:1 foo", new String[] {"'foo'", "missing ':'"}),
                Arguments.of("1 x:1", new String[] {"invalid index 'x'", "'x:1'"}),
                Arguments.of("1 1.5:1", new String[] {"invalid index '1.5'", "'1.5:1'"}),
                Arguments.of("1 :1", new String[] {"missing index", "':1'"}),
                Arguments.of("1 2:abc", new String[] {"invalid value 'abc'", "'2:abc'"}),
                Arguments.of("1 2:", new String[] {"missing value", "'2:'"}),
                Arguments.of("1 2:1,5", new String[] {"invalid value '1,5'"}),
                Arguments.of("1 2:1:3", new String[] {"invalid value '1:3'", "'2:1:3'"}),
                Arguments.of("1 0:1", new String[] {"index 0", "'0:1'", "1-based"}),
                Arguments.of("1 -2:1", new String[] {"index -2", "'-2:1'", "out of range"}),
                Arguments.of("1 2:1 2:3", new String[] {"duplicate index 2", "'2:3'"}),
                Arguments.of("1 5:1 3:1", new String[] {"index 3", "'3:1'", "out of order", "follows index 5"}),
                Arguments.of("1 2:nan", new String[] {"value 'nan'", "'2:nan'", "not finite"}),
                Arguments.of("1 2:NaN", new String[] {"value 'NaN'", "not finite"}),
                Arguments.of("1 2:inf", new String[] {"value 'inf'", "not finite"}),
                Arguments.of("1 2:-1e400", new String[] {"value '-1e400'", "not finite"}),
                Arguments.of("1 qid:x 1:1", new String[] {"invalid qid 'qid:x'", "not an integer"}),
                Arguments.of("1 qid:1.5 1:1", new String[] {"invalid qid 'qid:1.5'"}),
                Arguments.of("1 qid: 1:1", new String[] {"invalid qid 'qid:'"}),
                Arguments.of("1 qid:99999999999 1:1", new String[] {"qid 'qid:99999999999'", "32-bit"}),
                Arguments.of("1 1:1 qid:2", new String[] {"'qid:2'", "right after the label"}),
                Arguments.of("1 99999999999:1", new String[] {"index 99999999999", "too large"}),
                Arguments.of("1 1:0x10", new String[] {"invalid value '0x10'"}),
                Arguments.of("1 1:1\u0001", new String[] {"invalid value '1\\x01'"}));
    }

    @ParameterizedTest
    @MethodSource("malformedLines")
    void blamesTheRightLineAndNamesTheToken(String badLine, String[] reasonParts) {
        InputException e = readFailure(GOOD + badLine + "\n2 1:2\n", LibSvmReader.Options.DEFAULTS);
        assertThat(e.line()).as(e.getMessage()).isEqualTo(4);
        assertThat(e.file()).isEqualTo("mem.svm");
        assertThat(e.reason()).contains(reasonParts);
        assertThat(e.getMessage()).startsWith("mem.svm:4: ");
    }

    @Test
    void negativeIndexInZeroBasedMode() {
        InputException e = readFailure("1 0:1\n1 -1:1\n", LibSvmReader.Options.DEFAULTS.withZeroBased(true));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("index -1", ">= 0");
    }

    @Test
    void indexBeyondMaxFeaturesNamesTheLimit() {
        LibSvmReader.Options o = LibSvmReader.Options.DEFAULTS.withMaxFeatures(100);
        InputException e = readFailure("1 100:1\n1 101:1\n", o);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("index 101", "'101:1'", "maxFeatures 100");
        InputException z = readFailure("1 100:1\n", o.withZeroBased(true));
        assertThat(z.reason()).contains("index 100", "maxFeatures 100");
    }

    @Test
    void qidMustBeOnAllLinesOrNone() {
        InputException missing = readFailure("1 qid:1 1:1\n# c\n1 1:1\n", LibSvmReader.Options.DEFAULTS);
        assertThat(missing.line()).isEqualTo(3);
        assertThat(missing.reason()).contains("missing qid", "line (1)");
        InputException extra = readFailure("\n1 1:1\n1 qid:4 1:1\n", LibSvmReader.Options.DEFAULTS);
        assertThat(extra.line()).isEqualTo(3);
        assertThat(extra.reason()).contains("qid 'qid:4'", "line (2) has no qid");
    }

    @Test
    void emptyInputHasNoDataRows() {
        for (String text : new String[] {"", "\n\n", "# only\n  # comments\r\n\t\n"}) {
            InputException e = readFailure(text, LibSvmReader.Options.DEFAULTS);
            assertThat(e.line()).isZero();
            assertThat(e.reason()).contains("no data rows");
            assertThat(e.getMessage()).isEqualTo("mem.svm: " + e.reason());
        }
    }

    @Test
    void overlongLineFailsInsteadOfBuffering() {
        LibSvmReader.Options o = LibSvmReader.Options.DEFAULTS.withMaxLineLength(20);
        InputException e = readFailure("1 1:1\n1 1:1 2:1 3:1 4:1 5:1 6:1\n", o);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("maxLineLength", "20");

        // A newline-free stream must fail once it passes the limit, not when it ends.
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                return served++ < (1L << 40) ? '1' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) '1');
                served += len;
                return len;
            }
        };
        InputException e2 = catchThrowableOfType(InputException.class,
                () -> LibSvmReader.read(endless, "endless", LibSvmReader.Options.DEFAULTS.withMaxLineLength(3 << 20)));
        assertThat(e2.line()).isEqualTo(1);
        assertThat(e2.reason()).contains("maxLineLength");
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = dir.resolve("nope.svm");
        InputException e = catchThrowableOfType(InputException.class, () -> LibSvmReader.read(missing));
        assertThat(e.getMessage()).isEqualTo(missing + ": file not found");
        InputException d = catchThrowableOfType(InputException.class, () -> LibSvmReader.read(dir));
        assertThat(d.reason()).contains("directory");
    }

    @Test
    void emptyFileOnDisk() throws IOException {
        Path f = Files.write(dir.resolve("empty.svm"), new byte[0]);
        InputException e = catchThrowableOfType(InputException.class, () -> LibSvmReader.read(f));
        assertThat(e.getMessage()).isEqualTo(f + ": no data rows: the input is empty or has only blank and comment lines");
    }

    @Test
    void errorsInsideCompressedFilesStillNameTheLine() throws IOException {
        byte[] text = (GOOD + "1 2:1 2:1\n").getBytes(StandardCharsets.UTF_8);
        for (byte[] packed : new byte[][] {LibSvmReaderTest.gzip(text), LibSvmReaderTest.xz(text)}) {
            Path f = Files.write(dir.resolve("bad.svm.z"), packed);
            InputException e = catchThrowableOfType(InputException.class, () -> LibSvmReader.read(f));
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.reason()).contains("duplicate index 2");
        }
    }

    @Test
    void truncatedOrCorruptCompressedData() throws IOException {
        byte[] text = TestData.toText(TestData.randomDataset(new Random(1), 2000, 50, 0.2, false))
                .getBytes(StandardCharsets.UTF_8);
        byte[] gz = LibSvmReaderTest.gzip(text);
        byte[] xz = LibSvmReaderTest.xz(text);
        byte[][] broken = {
            Arrays.copyOf(gz, gz.length / 2),
            Arrays.copyOf(gz, gz.length - 4), // trailer cut: all data decodes, the CRC/size check cannot
            Arrays.copyOf(gz, 5), // header cut
            flip(gz, gz.length / 2),
            Arrays.copyOf(xz, xz.length / 2),
            Arrays.copyOf(xz, xz.length - 3),
            Arrays.copyOf(xz, 8),
            flip(xz, xz.length / 2),
        };
        for (int i = 0; i < broken.length; i++) {
            Path f = Files.write(dir.resolve("broken" + i), broken[i]);
            InputException e = catchThrowableOfType(InputException.class, () -> LibSvmReader.read(f));
            assertThat(e).as("case %d", i).isNotNull();
            // A flipped bit may also surface as garbage text on some line; truncation never does.
            if (i != 3 && i != 7) {
                assertThat(e.reason()).as("case %d", i).contains("compressed data is truncated or corrupt");
                assertThat(e.reason()).contains(i < 4 ? "gzip" : "xz");
                assertThat(e.getCause()).isInstanceOf(IOException.class);
            }
            assertThat(e.getMessage()).startsWith(f.toString() + ":");
        }
    }

    @Test
    void recognizedButUnsupportedCompression() {
        byte[] bzip2 = {'B', 'Z', 'h', '9', '1', 'A', 'Y', '&'};
        InputException e = catchThrowableOfType(InputException.class,
                () -> LibSvmReader.read(new ByteArrayInputStream(bzip2), "a.bz2", LibSvmReader.Options.DEFAULTS));
        assertThat(e.reason()).contains("bzip2", "not supported");
    }

    @Test
    void readErrorsFromThePlainStreamAreInputExceptions() {
        InputStream failing = new InputStream() {
            int calls;

            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (calls++ == 0) {
                    byte[] line = "1 1:1\n2 2:2\n".getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(line, 0, b, off, line.length);
                    return line.length;
                }
                throw new IOException("disk on fire");
            }
        };
        InputException e = catchThrowableOfType(InputException.class,
                () -> LibSvmReader.read(failing, "s", LibSvmReader.Options.DEFAULTS));
        assertThat(e.reason()).contains("read error", "after line 2", "disk on fire");
    }

    @Test
    void longTokensAreShortenedInMessages() {
        String huge = "x".repeat(10_000);
        InputException e = readFailure("1 1:" + huge + "\n", LibSvmReader.Options.DEFAULTS);
        assertThat(e.getMessage().length()).isLessThan(300);
        assertThat(e.reason()).contains("xxx...");
    }

    private static byte[] flip(byte[] data, int at) {
        byte[] copy = data.clone();
        copy[at] ^= 0x55;
        return copy;
    }

    private static InputException readFailure(String text, LibSvmReader.Options o) {
        InputException e = catchThrowableOfType(InputException.class, () -> TestData.parse(text, o));
        assertThat(e).as("expected an InputException for %s", text).isNotNull();
        return e;
    }
}
