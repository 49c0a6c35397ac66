package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibSvmWriterTest {

    @TempDir
    Path dir;

    private static LabeledDataset small() {
        CsrMatrix x = CsrMatrix.fromDense(new double[][] {{1, 0, 0.5, 0}, {0, 0, 0, 0}, {0, -2.5e-7, 0, 0}});
        return new LabeledDataset("small", x, new double[] {1, -1, 0.25}, null);
    }

    @Test
    void writesCompactOneBasedText() {
        assertThat(TestData.toText(small())).isEqualTo("1 1:1 3:0.5 4:0\n-1\n0.25 2:-2.5E-7\n");
    }

    @Test
    void writesQidsAndSignedZeroLabel() {
        CsrMatrix x = CsrMatrix.fromDense(new double[][] {{3}, {0}});
        LabeledDataset d = new LabeledDataset("q", x, new double[] {-0.0, 1e20}, new int[] {4, -1});
        String text = TestData.toText(d);
        assertThat(text).isEqualTo("-0 qid:4 1:3\n1.0E20 qid:-1\n");
        LabeledDataset back = TestData.parse(text);
        assertThat(Double.doubleToRawLongBits(back.labels()[0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(back.qids()).containsExactly(4, -1);
    }

    @Test
    void writesFileAtomicallyAndReadsBack() throws IOException {
        Path f = dir.resolve("sub/dir/out.svm");
        LibSvmWriter.write(small(), f);
        LabeledDataset back = LibSvmReader.read(f);
        assertThat(back.features().toDense()).isDeepEqualTo(small().features().toDense());
        assertThat(back.labels()).containsExactly(small().labels());
        try (var files = Files.list(f.getParent())) {
            assertThat(files).containsExactly(f); // no temp file left behind
        }
    }

    @Test
    void refusesWhatCannotBeReadBackAndLeavesTargetUntouched() throws IOException {
        Path f = dir.resolve("keep.svm");
        Files.writeString(f, "old\n");
        CsrMatrix x = CsrMatrix.fromDense(new double[][] {{1}, {Double.NaN}});
        LabeledDataset nanValue = new LabeledDataset("n", x, new double[] {1, 2}, null);
        assertThatThrownBy(() -> LibSvmWriter.write(nanValue, f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1, column 0");
        LabeledDataset infLabel = new LabeledDataset("n", CsrMatrix.fromDense(new double[][] {{1}}),
                new double[] {Double.POSITIVE_INFINITY}, null);
        assertThatThrownBy(() -> LibSvmWriter.write(infLabel, f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label Infinity");
        LabeledDataset empty = new LabeledDataset("e", CsrMatrix.fromDense(new double[0][]), new double[0], null);
        assertThatThrownBy(() -> LibSvmWriter.write(empty, f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rows");
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo("old\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }
}
