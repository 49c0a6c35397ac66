package org.smpframe.mf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpframe.data.IdMap;
import org.smpframe.data.InputException;
import org.smpframe.data.Ratings;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

class MfModelTest {
    @TempDir
    Path dir;

    private static MfModel fitted(boolean biases) {
        Ratings data = LowRankRatings.generate(30, 20, 2, 0.3, 3, 0.1, 3);
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(2)) {
            return new MfTrainer(MfConfig.builder().rank(2).biases(biases).iterations(3).build())
                    .fit(data, null, runtime, p -> { }).model();
        }
    }

    @Test
    void savedModelReadsBackBitForBit() throws IOException {
        for (boolean biases : new boolean[] {false, true}) {
            MfModel m = fitted(biases);
            Path out = dir.resolve("m" + biases);
            m.save(out);
            MfModel back = MfModel.load(out);
            assertThat(back.rank()).isEqualTo(2);
            assertThat(back.biases()).isEqualTo(biases);
            assertThat(back.userIds().id(5)).isEqualTo(m.userIds().id(5));
            for (int u = 0; u < m.numUsers(); u++) {
                for (int j = 0; j < m.numItems(); j++) {
                    assertThat(back.predict(u, j)).isEqualTo(m.predict(u, j));
                    assertThat(back.rated(u, j)).isEqualTo(m.rated(u, j));
                }
            }
            assertThat(back.info()).containsEntry("method", "rotation");
        }
    }

    @Test
    void recommendationsAreTheBestUnratedItemsInOrder() {
        MfModel m = fitted(true);
        for (int u = 0; u < m.numUsers(); u++) {
            int[] top = m.recommend(u, 5);
            assertThat(top).hasSize(5);
            double worstShown = Double.POSITIVE_INFINITY;
            for (int j : top) {
                assertThat(m.rated(u, j)).isFalse();
                assertThat(m.predict(u, j)).isLessThanOrEqualTo(worstShown);
                worstShown = m.predict(u, j);
            }
            for (int j = 0; j < m.numItems(); j++) {
                final int item = j;
                boolean shown = java.util.Arrays.stream(top).anyMatch(t -> t == item);
                if (!m.rated(u, j) && !shown) {
                    assertThat(m.predict(u, j)).isLessThanOrEqualTo(worstShown);
                }
            }
        }
    }

    @Test
    void predictionIsMeanPlusBiasesPlusDotProduct() {
        IdMap users = IdMap.create();
        users.intern("a");
        IdMap items = IdMap.create();
        items.intern("x");
        // columns: [user bias | 1], [1 | item bias], factor
        MfModel m = new MfModel(new FactorColumns(1, true), 3.0, new double[] {0.5, 1, 2}, new double[] {1, -0.25, 0.1},
                users, items);
        assertThat(m.predict(0, 0)).isEqualTo(3.0 + 0.5 - 0.25 + 0.2);
        assertThat(m.userBias(0)).isEqualTo(0.5);
        assertThat(m.itemBias(0)).isEqualTo(-0.25);
        assertThat(m.userFactor(0, 0)).isEqualTo(2);
    }

    @Test
    void malformedModelFilesNameFileAndLine() throws IOException {
        MfModel m = fitted(false);
        m.save(dir);
        Path items = dir.resolve(MfModel.ITEM_FILE);
        var lines = new java.util.ArrayList<>(Files.readAllLines(items));
        lines.set(2, lines.get(2).replaceFirst("\t[^\t]+$", "\tNaN"));
        Files.write(items, lines);
        assertThatThrownBy(() -> MfModel.load(dir)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(items + ":3: not a finite number");
        Files.delete(items);
        assertThatThrownBy(() -> MfModel.load(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> MfModel.load(dir.resolve("nothing-here"))).isInstanceOf(InputException.class)
                .hasMessageContaining(MfModel.HEADER_FILE);
    }
}
