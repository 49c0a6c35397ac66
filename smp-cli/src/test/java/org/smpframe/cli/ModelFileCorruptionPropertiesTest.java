package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
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
import org.smpframe.data.LabelRule;
import org.smpframe.data.LibSvmReader;
import org.smpframe.lasso.LassoConfig;
import org.smpframe.lasso.LassoListener;
import org.smpframe.lasso.LassoModel;
import org.smpframe.lasso.LassoTrainer;
import org.smpframe.logreg.LogRegConfig;
import org.smpframe.logreg.LogRegListener;
import org.smpframe.logreg.LogRegModel;
import org.smpframe.logreg.LogRegTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * Lasso models and liblinear-format logistic-regression models damaged in one place (a field replaced by garbage,
 * a line dropped, duplicated, cut or replaced, the file truncated) either load as a valid model or fail with an
 * {@link InputException} naming the file; never another exception.
 */
class ModelFileCorruptionPropertiesTest {
    private static final String[] GARBAGE = {"", "NaN", "Infinity", "-Infinity", "-1", "0", "1e400", "x", "0x10",
        "\t", " ", "1:2", "true", "é", "99999999999999999999", "smpframe-lasso", "solver_type", "nr_feature", "w",
        "bias", "label", "-1e308"};

    private static Path dir;
    private static List<String> lasso;
    private static List<String> logreg;

    @BeforeContainer
    static void saveModels() throws IOException {
        dir = Files.createTempDirectory("model-fuzz");
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(1)) {
            new LassoTrainer(LassoConfig.builder().lambda(1).build())
                    .fit(LibSvmReader.read(Path.of("../data/diabetes.libsvm")), runtime, LassoListener.NONE)
                    .finalModel().save(dir.resolve("lasso.txt"));
            new LogRegTrainer(LogRegConfig.builder().lambda(0.01).standardize(true).build())
                    .fit(LibSvmReader.read(Path.of("../data/breast_cancer.libsvm"),
                            LibSvmReader.Options.defaults().withLabels(LabelRule.BINARY)), null, runtime,
                            LogRegListener.NONE)
                    .finalModel().save(dir.resolve("logreg.txt"));
        }
        lasso = Files.readAllLines(dir.resolve("lasso.txt"));
        logreg = Files.readAllLines(dir.resolve("logreg.txt"));
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        for (String f : new String[] {"lasso.txt", "logreg.txt", "damaged.txt"}) {
            Files.deleteIfExists(dir.resolve(f));
        }
        Files.deleteIfExists(dir);
    }

    @Provide
    Arbitrary<int[]> damage() {
        // {kind, line, field, garbage}
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class).ofSize(4);
    }

    @Property(tries = 10_000)
    void damagedLassoModelsLoadOrFailWithTheFileName(@ForAll("damage") int[] d) {
        Path file = dir.resolve("damaged.txt");
        try {
            Files.write(file, damaged(lasso, d), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            LassoModel m = LassoModel.read(file);
            assertThat(m.numFeatures()).isPositive();
            assertThat(m.intercept()).isFinite();
            for (double c : m.coefficients()) {
                assertThat(c).isFinite();
            }
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith(file.toString());
        }
    }

    @Property(tries = 10_000)
    void damagedLiblinearModelsLoadOrFailWithTheFileName(@ForAll("damage") int[] d) throws IOException {
        String text = String.join("\n", damaged(logreg, d)) + "\n";
        try {
            LogRegModel m = LogRegModel.read(new StringReader(text), "model.txt");
            assertThat(m.numFeatures()).isNotNegative();
            assertThat(m.bias()).isFinite();
            for (double w : m.weights()) {
                assertThat(w).isFinite();
            }
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("model.txt");
        }
    }

    /** {@code lines} with one damage {@code d}: {kind, line, field, garbage}. */
    private static List<String> damaged(List<String> original, int[] d) {
        List<String> lines = new ArrayList<>(original);
        int line = d[1] % lines.size();
        switch (d[0] % 6) {
            case 0 -> { // one whitespace-separated field replaced
                String[] parts = lines.get(line).split(" ", -1);
                parts[d[2] % parts.length] = GARBAGE[d[3] % GARBAGE.length];
                lines.set(line, String.join(" ", parts));
            }
            case 1 -> lines.remove(line);
            case 2 -> lines.add(line, lines.get(line));
            case 3 -> lines.set(line, lines.get(line).substring(0, d[2] % (lines.get(line).length() + 1)));
            case 4 -> lines.subList(line, lines.size()).clear();
            default -> lines.set(line, GARBAGE[d[3] % GARBAGE.length]);
        }
        return lines;
    }
}
