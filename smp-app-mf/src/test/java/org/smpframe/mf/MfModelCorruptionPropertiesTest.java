package org.smpframe.mf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.smpframe.data.InputException;
import org.smpframe.data.Ratings;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * Saved MF models damaged in one place (a field replaced by garbage, a line dropped, duplicated or cut, a file
 * emptied or truncated) either load as a valid model or fail with an {@link InputException} naming the damaged
 * file; never another exception.
 */
class MfModelCorruptionPropertiesTest {
    private static Path dir;
    private static List<List<String>> original;
    private static final String[] FILES = {MfModel.HEADER_FILE, MfModel.USER_FILE, MfModel.ITEM_FILE, MfModel.RATED_FILE};
    private static final String[] GARBAGE = {"", "NaN", "Infinity", "-1", "1e400", "x", "0x10", "\t", " ", "1:2",
        "true", "=", "é", "99999999999999999999", "format=smpframe-mf", "version=9"};

    @BeforeContainer
    static void saveAModel() throws IOException {
        dir = Files.createTempDirectory("mf-model-fuzz");
        Ratings data = LowRankRatings.generate(12, 9, 2, 0.4, 3, 0.1, 4);
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(2)) {
            new MfTrainer(MfConfig.builder().rank(2).biases(true).iterations(2).build()).fit(data, null, runtime,
                    p -> { }).model().save(dir);
        }
        original = new ArrayList<>();
        for (String f : FILES) {
            original.add(Files.readAllLines(dir.resolve(f), StandardCharsets.UTF_8));
        }
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        for (String f : FILES) {
            Files.deleteIfExists(dir.resolve(f));
        }
        Files.deleteIfExists(dir);
    }

    @Provide
    Arbitrary<int[]> damage() {
        // {file, kind, line, field, garbage}
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class).ofSize(5);
    }

    @Property(tries = 10_000)
    void damagedModelsLoadOrFailWithTheFileName(@ForAll("damage") int[] d) {
        int file = d[0] % FILES.length;
        List<String> lines = new ArrayList<>(original.get(file));
        int kind = d[1] % 6;
        int line = lines.isEmpty() ? 0 : d[2] % lines.size();
        switch (kind) {
            case 0 -> { // one field replaced
                String[] parts = lines.get(line).split(file == 0 ? "=" : "[\t ]", -1);
                int field = d[3] % parts.length;
                parts[field] = GARBAGE[d[4] % GARBAGE.length];
                lines.set(line, String.join(file == 0 ? "=" : "\t", parts));
            }
            case 1 -> lines.remove(line);
            case 2 -> lines.add(line, lines.get(line));
            case 3 -> lines.set(line, lines.get(line).substring(0, d[3] % (lines.get(line).length() + 1)));
            case 4 -> lines.subList(line, lines.size()).clear();
            default -> lines.set(line, GARBAGE[d[4] % GARBAGE.length]);
        }
        Path target = dir.resolve(FILES[file]);
        try {
            Files.write(target, lines, StandardCharsets.UTF_8);
            try {
                MfModel m = MfModel.load(dir);
                assertThat(m.numUsers()).isPositive();
                for (int u = 0; u < m.numUsers(); u++) {
                    assertThat(m.predict(u, 0)).isFinite();
                }
            } catch (InputException e) {
                assertThat(e.getMessage()).startsWith(dir.toString());
            }
            Files.write(target, original.get(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
