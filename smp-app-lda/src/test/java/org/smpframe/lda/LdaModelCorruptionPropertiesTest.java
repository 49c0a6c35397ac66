package org.smpframe.lda;

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
import org.smpframe.data.Corpus;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * Saved LDA models damaged in one place (a field replaced by garbage, a line dropped, duplicated or cut, a file
 * emptied or truncated) either load as a valid model or fail with an {@link InputException} naming the damaged
 * file; never another exception.
 */
class LdaModelCorruptionPropertiesTest {
    private static Path dir;
    private static List<List<String>> original;
    private static final String[] FILES = {LdaModel.HEADER_FILE, LdaModel.VOCABULARY_FILE, LdaModel.COUNTS_FILE};
    private static final String[] GARBAGE = {"", "NaN", "Infinity", "-1", "1e400", "x", "0x10", "\t", " ", "1:2",
        "true", "=", "é", "99999999999999999999", "format=smpframe-lda", "version=9"};

    @BeforeContainer
    static void saveAModel() throws IOException {
        dir = Files.createTempDirectory("lda-model-fuzz");
        Corpus corpus = SyntheticCorpus.generate(3, 12, 10, 15, 0.3, 4).corpus();
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(2)) {
            new LdaTrainer(LdaConfig.builder().topics(3).iterations(3).build()).fit(corpus, null, runtime, p -> { })
                    .model().save(dir, 5);
        }
        original = new ArrayList<>();
        for (String f : FILES) {
            original.add(Files.readAllLines(dir.resolve(f), StandardCharsets.UTF_8));
        }
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
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
                LdaModel m = LdaModel.load(dir);
                assertThat(m.numTopics()).isGreaterThanOrEqualTo(2);
                for (int w = 0; w < m.vocabulary().size(); w++) {
                    assertThat(m.phi(0, w)).isFinite().isPositive();
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
