package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A fingerprint names the content: equal content gives equal text, any changed number another one. */
class DataFingerprintTest {

    private static Corpus corpus(int[] docPtr, int[] words) {
        IdMap vocabulary = IdMap.create();
        for (String w : new String[] {"a", "b", "c", "d"}) {
            vocabulary.intern(w);
        }
        return Corpus.of("test", docPtr, words, vocabulary);
    }

    private static LabeledDataset dataset(double value, double label) {
        CsrMatrix x = new CsrMatrix(2, 3, new int[] {0, 2, 3}, new int[] {0, 2, 1}, new double[] {1.0, value, 3.0});
        return new LabeledDataset("test", x, new double[] {1.0, label}, null);
    }

    @Test
    void aCorpusIsNamedByItsShapeAndEveryDocumentBoundaryAndWord() {
        String base = DataFingerprint.of(corpus(new int[] {0, 2, 5}, new int[] {0, 1, 2, 3, 0}));
        assertThat(base).startsWith("2 docs 5 tokens 4 words crc ");
        assertThat(DataFingerprint.of(corpus(new int[] {0, 2, 5}, new int[] {0, 1, 2, 3, 0}))).isEqualTo(base);
        assertThat(DataFingerprint.of(corpus(new int[] {0, 2, 5}, new int[] {0, 1, 2, 3, 1}))).isNotEqualTo(base);
        assertThat(DataFingerprint.of(corpus(new int[] {0, 3, 5}, new int[] {0, 1, 2, 3, 0}))).isNotEqualTo(base);
    }

    @Test
    void aDatasetIsNamedByItsShapeValuesAndLabels() {
        String base = DataFingerprint.of(dataset(2.0, -1.0));
        assertThat(base).startsWith("2 rows 3 features 3 nonzeros crc ");
        assertThat(DataFingerprint.of(dataset(2.0, -1.0))).isEqualTo(base);
        assertThat(DataFingerprint.of(dataset(2.5, -1.0))).isNotEqualTo(base);
        assertThat(DataFingerprint.of(dataset(2.0, 1.0))).isNotEqualTo(base);
    }
}
