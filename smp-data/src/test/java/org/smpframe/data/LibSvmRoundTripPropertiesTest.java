package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Property (a): whatever LibSvmWriter writes, LibSvmReader reads back bit for bit, shape included. */
class LibSvmRoundTripPropertiesTest {

    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("smp-data-roundtrip");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Provide
    Arbitrary<LabeledDataset> datasets() {
        return TestData.datasets();
    }

    @Property(tries = 500)
    void textRoundTripIsExact(@ForAll("datasets") LabeledDataset d) {
        assertSameData(TestData.parse(TestData.toText(d)), d);
    }

    @Property(tries = 40)
    void fileRoundTripIsExact(@ForAll("datasets") LabeledDataset d) throws IOException {
        Path f = dir.resolve("rt.svm");
        LibSvmWriter.write(d, f);
        assertSameData(LibSvmReader.read(f), d);
    }

    @Property(tries = 40)
    void gzipRoundTripIsExact(@ForAll("datasets") LabeledDataset d) throws IOException {
        Path f = dir.resolve("rt.svm.gz");
        AtomicFiles.writeBytes(f, out -> {
            GZIPOutputStream gz = new GZIPOutputStream(out);
            gz.write(TestData.toText(d).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            gz.finish();
        });
        assertSameData(LibSvmReader.read(f), d);
    }

    @Property(tries = 100)
    void slicesRoundTripToo(@ForAll("datasets") LabeledDataset d, @ForAll long seed) {
        Random r = new Random(seed);
        int from = r.nextInt(d.numRows());
        int to = from + 1 + r.nextInt(d.numRows() - from);
        LabeledDataset s = d.rowSlice(from, to);
        assertSameData(TestData.parse(TestData.toText(s)), s);
    }

    static void assertSameData(LabeledDataset got, LabeledDataset want) {
        assertThat(got.numRows()).isEqualTo(want.numRows());
        assertThat(got.numFeatures()).isEqualTo(want.numFeatures());
        assertThat(bits(got.labels())).isEqualTo(bits(want.labels()));
        assertThat(got.qids()).isEqualTo(want.qids());
        assertThat(got.features().rowPtr).isEqualTo(want.features().rowPtr);
        assertThat(got.features().colIdx).isEqualTo(want.features().colIdx);
        assertThat(bits(got.features().values)).isEqualTo(bits(want.features().values));
        got.features().checkInvariants();
    }

    private static long[] bits(double[] a) {
        long[] b = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Double.doubleToRawLongBits(a[i]);
        }
        return b;
    }
}
