package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Well-formed input in all the shapes real files come in. */
class LibSvmReaderTest {

    @TempDir
    Path dir;

    private static final String BASIC = ""
            + "# a header comment\n"
            + "+1 1:0.5 3:2 # trailing comment\n"
            + "\n"
            + "-1 2:1e-3\t4:-7\n"
            + "   \t\n"
            + "0\n"
            + "3.25 1:1 2:0 3:1.5E+2\n";

    private static final double[][] BASIC_DENSE = {
        {0.5, 0, 2, 0},
        {0, 1e-3, 0, -7},
        {0, 0, 0, 0},
        {1, 0, 150, 0},
    };

    private static void assertBasic(LabeledDataset d) {
        assertThat(d.numRows()).isEqualTo(4);
        assertThat(d.numFeatures()).isEqualTo(4);
        assertThat(d.labels()).containsExactly(1, -1, 0, 3.25);
        assertThat(d.features().toDense()).isDeepEqualTo(BASIC_DENSE);
        assertThat(d.qids()).isNull();
        d.features().checkInvariants();
    }

    @Test
    void readsCommentsBlankLinesTabsAndExponents() {
        LabeledDataset d = TestData.parse(BASIC);
        assertBasic(d);
        assertThat(d.source()).isEqualTo("mem.svm");
        // The explicit 2:0 is not stored.
        assertThat(d.features().nnz()).isEqualTo(6);
    }

    @Test
    void readsCrLfAndTrailingWhitespaceAndNoFinalNewline() {
        String crlf = BASIC.replace("\n", "  \t\r\n");
        assertBasic(TestData.parse(crlf));
        assertBasic(TestData.parse(BASIC.substring(0, BASIC.length() - 1)));
    }

    @Test
    void commentMayTouchTheLastToken() {
        LabeledDataset d = TestData.parse("1 2:3#comment\n2#just a label\n");
        assertThat(d.features().toDense()).isDeepEqualTo(new double[][] {{0, 3}, {0, 0}});
        assertThat(d.labels()).containsExactly(1, 2);
    }

    @Test
    void ignoresUtf8ByteOrderMark() {
        assertThat(TestData.parse("\uFEFF1 1:2\n").labels()).containsExactly(1);
    }

    @Test
    void readsQids() {
        LabeledDataset d = TestData.parse("2 qid:7 1:1\n1 qid:7 2:1\n0  qid:-3\t1:0.5\n");
        assertThat(d.qids()).containsExactly(7, 7, -3);
        assertThat(d.labels()).containsExactly(2, 1, 0);
        assertThat(d.numFeatures()).isEqualTo(2);
    }

    @Test
    void zeroBasedIndices() {
        LibSvmReader.Options o = LibSvmReader.Options.DEFAULTS.withZeroBased(true);
        LabeledDataset d = TestData.parse("1 0:1 2:3\n-1 1:2\n", o);
        assertThat(d.features().toDense()).isDeepEqualTo(new double[][] {{1, 0, 3}, {0, 2, 0}});
    }

    @Test
    void widthIsLargestIndexEvenForAnExplicitZero() {
        assertThat(TestData.parse("1 1:1 9:0\n").numFeatures()).isEqualTo(9);
    }

    @Test
    void minFeaturesPadsTheWidth() {
        LibSvmReader.Options o = LibSvmReader.Options.builder().minFeatures(10).build();
        LabeledDataset d = TestData.parse("1 1:1 3:1\n", o);
        assertThat(d.numFeatures()).isEqualTo(10);
        assertThat(TestData.parse("1 12:1\n", o).numFeatures()).isEqualTo(12);
    }

    @Test
    void maxFeaturesAllowsIndicesUpToTheLimit() {
        LibSvmReader.Options o = LibSvmReader.Options.DEFAULTS.withMaxFeatures(3);
        assertThat(TestData.parse("1 3:1\n", o).numFeatures()).isEqualTo(3);
        assertThat(TestData.parse("1 2:1\n", o.withZeroBased(true)).numFeatures()).isEqualTo(3);
    }

    @Test
    void linesExactlyAtMaxLineLengthAreFine() {
        String line = "1 1:1 2:2"; // 9 bytes
        LibSvmReader.Options o = LibSvmReader.Options.DEFAULTS.withMaxLineLength(9);
        assertThat(TestData.parse(line + "\n" + line, o).numRows()).isEqualTo(2);
    }

    @Test
    void linesLongerThanTheReadBufferAreFine() {
        StringBuilder sb = new StringBuilder("1");
        for (int j = 1; j <= 300_000; j++) {
            sb.append(' ').append(j).append(":0.25");
        }
        String longLine = sb.toString(); // several MiB, more than the 1 MiB initial buffer
        LabeledDataset d = TestData.parse("0 5:1\n" + longLine + "\n-1 1:1\n");
        assertThat(d.numRows()).isEqualTo(3);
        assertThat(d.features().rowNnz(1)).isEqualTo(300_000);
        assertThat(d.numFeatures()).isEqualTo(300_000);
        assertThat(d.labels()).containsExactly(0, 1, -1);
    }

    @Test
    void readsFileGzipAndXzAlike() throws IOException {
        byte[] plain = BASIC.getBytes(StandardCharsets.UTF_8);
        Path p = Files.write(dir.resolve("a.svm"), plain);
        Path gz = Files.write(dir.resolve("a.svm.gz"), gzip(plain));
        Path xz = Files.write(dir.resolve("a.svm.xz"), xz(plain));
        Path gzWithoutSuffix = Files.write(dir.resolve("renamed"), gzip(plain));
        for (Path f : new Path[] {p, gz, xz, gzWithoutSuffix}) {
            LabeledDataset d = LibSvmReader.read(f);
            assertBasic(d);
            assertThat(d.source()).isEqualTo(f.toString());
        }
    }

    @Test
    void readsConcatenatedGzipMembers() throws IOException {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(gzip("1 1:1\n".getBytes(StandardCharsets.UTF_8)));
        both.write(gzip("2 2:2\n".getBytes(StandardCharsets.UTF_8)));
        LabeledDataset d = LibSvmReader.read(new ByteArrayInputStream(both.toByteArray()), "cat.gz",
                LibSvmReader.Options.DEFAULTS);
        assertThat(d.labels()).containsExactly(1, 2);
    }

    @Test
    void largeCompressedFilesMatchPlain() throws IOException {
        LabeledDataset orig = TestData.randomDataset(new Random(3), 3000, 200, 0.05, false);
        byte[] text = TestData.toText(orig).getBytes(StandardCharsets.UTF_8);
        LabeledDataset fromGz = LibSvmReader.read(new ByteArrayInputStream(gzip(text)), "g", LibSvmReader.Options.DEFAULTS);
        LabeledDataset fromXz = LibSvmReader.read(new ByteArrayInputStream(xz(text)), "x", LibSvmReader.Options.DEFAULTS);
        for (LabeledDataset d : Arrays.asList(fromGz, fromXz)) {
            assertThat(d.labels()).isEqualTo(orig.labels());
            assertThat(d.features().colIdx).isEqualTo(orig.features().colIdx);
            assertThat(d.features().values).isEqualTo(orig.features().values);
            assertThat(d.features().rowPtr).isEqualTo(orig.features().rowPtr);
        }
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(gzip("1 1:1\n".getBytes(StandardCharsets.UTF_8))) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        LibSvmReader.read(in, "s", LibSvmReader.Options.DEFAULTS);
        assertThat(closed[0]).isFalse();
    }

    @Test
    void binaryLabelRuleNamesTheLineOfAWrongClass() {
        LibSvmReader.Options binary = LibSvmReader.Options.defaults().withLabels(LabelRule.BINARY);
        LabeledDataset ok = LibSvmReader.read(stream("+1 1:1\n-1 2:1\n0 1:2\n"), "ok", binary);
        assertThat(ok.labels()).containsExactly(1, -1, 0);
        assertThatThrownBy(() -> LibSvmReader.read(stream("1 1:1\n# note\n2 1:1\n"), "three.svm", binary))
                .isInstanceOf(InputException.class)
                .hasMessage("three.svm:3: label 2 is not a class of binary classification: use -1/+1 or 0/1");
        assertThatThrownBy(() -> LibSvmReader.read(stream("0.5 1:1\n"), "half.svm", binary))
                .hasMessageContaining("half.svm:1: label 0.5 is not a class");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void optionsValidateAndCompose() {
        LibSvmReader.Options o = LibSvmReader.Options.defaults().withZeroBased(true).withMinFeatures(5)
                .withMaxFeatures(8).withMaxLineLength(100);
        assertThat(o).isEqualTo(new LibSvmReader.Options(true, 5, 8, 100, LabelRule.ANY));
        assertThat(o.toBuilder().maxFeatures(0).build().maxFeatures()).isZero();
        assertThat(LibSvmReader.Options.DEFAULTS.maxLineLength()).isEqualTo(64 << 20);
        assertThatThrownBy(() -> o.withMinFeatures(9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withMaxLineLength(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withMinFeatures(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.withMaxFeatures(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bos)) {
            out.write(data);
        }
        return bos.toByteArray();
    }

    static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new XZOutputStream(bos, new LZMA2Options(1))) {
            out.write(data);
        }
        return bos.toByteArray();
    }
}
