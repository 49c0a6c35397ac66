package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingsFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%%MatrixMarket matrix coordinate real general | MATRIX_MARKET",
        "%%matrixmarket matrix coordinate integer general | MATRIX_MARKET",
        "%%MatrixMarket matrix coordinate pattern symmetric | MATRIX_MARKET",
        "1::1193::5::978300760 | MOVIELENS",
        "1::a,b::5 | MOVIELENS",
        "userId,movieId,rating,timestamp | CSV",
        "1,31,2.5,1260759144 | CSV",
        "'196\t242\t3\t881250949' | TSV",
        "196 242 3 | TSV",
        "u1:x i2 3 | TSV",
        "% comment, not a MatrixMarket header | CSV",
    })
    void detectsFromTheFirstLine(String line, RatingsFormat expected) {
        assertThat(RatingsFormat.detect(line)).isEqualTo(expected);
    }

    @Test
    void detectNeedsALine() {
        assertThatThrownBy(() -> RatingsFormat.detect(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cliNamesRoundTrip() {
        assertThat(RatingsFormat.MOVIELENS.cliName()).isEqualTo("movielens");
        assertThat(RatingsFormat.TSV.cliName()).isEqualTo("tsv");
        assertThat(RatingsFormat.CSV.cliName()).isEqualTo("csv");
        assertThat(RatingsFormat.MATRIX_MARKET.cliName()).isEqualTo("mm");
        for (RatingsFormat f : RatingsFormat.values()) {
            assertThat(RatingsFormat.parse(f.cliName())).isEqualTo(f);
            assertThat(RatingsFormat.parse(" " + f.cliName().toUpperCase() + " ")).isEqualTo(f);
        }
    }

    @Test
    void parseRejectsUnknownNamesListingTheChoices() {
        assertThatThrownBy(() -> RatingsFormat.parse("libsvm")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'libsvm'").hasMessageContaining("movielens, tsv, csv, mm");
        assertThatThrownBy(() -> RatingsFormat.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RatingsFormat.parse("MATRIX_MARKET")).isInstanceOf(IllegalArgumentException.class);
    }
}
