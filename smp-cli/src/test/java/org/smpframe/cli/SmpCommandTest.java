package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smpframe.cli.CliOutcome.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpframe.data.LibSvmWriter;
import org.smpframe.lasso.CorrelatedDesign;
import org.smpframe.lasso.LassoModel;

/** The command line as a user meets it: exit codes, files written (or not), messages. */
class SmpCommandTest {
    @TempDir
    Path dir;

    private Path trainFile() throws IOException {
        Path f = dir.resolve("train.libsvm");
        LibSvmWriter.write(new CorrelatedDesign(80, 30, 5, 0.3, 4, 0.1, 1).generate(), f);
        return f;
    }

    @Test
    void lassoWritesModelTraceAndPath() throws IOException {
        Path train = trainFile();
        Path out = dir.resolve("run");
        CliOutcome o = run("lasso", "--train", train.toString(), "--test", train.toString(), "--lambda", "0.02",
                "--workers", "2", "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("converged").contains("test RMSE");
        LassoModel m = LassoModel.read(out.resolve("model.txt"));
        assertThat(m.nonzeros()).isPositive();
        List<String> trace = Files.readAllLines(out.resolve("trace.csv"));
        assertThat(trace.get(0)).isEqualTo("seconds,round,objective,gap,nnz,updates,stage,lambda");
        assertThat(trace).hasSizeGreaterThan(1);
        assertThat(Files.readAllLines(out.resolve("path.csv"))).hasSize(2);
    }

    /** --updates covariance fits the same model from the workers' Gram matrices; the option is recorded. */
    @Test
    void covarianceUpdatesFitTheSameModel() throws IOException {
        Path train = trainFile();
        Path naive = dir.resolve("naive");
        Path covariance = dir.resolve("covariance");
        for (Path out : List.of(naive, covariance)) {
            CliOutcome o = run("lasso", "--train", train.toString(), "--path", "4", "--standardize", "--tolerance",
                    "1e-10", "--workers", "2", "--updates", out == naive ? "naive" : "covariance", "--out",
                    out.toString());
            assertThat(o.exitCode()).as(o.err()).isZero();
        }
        LassoModel a = LassoModel.read(naive.resolve("model.txt"));
        LassoModel b = LassoModel.read(covariance.resolve("model.txt"));
        assertThat(b.coefficients()).containsExactly(a.coefficients(), within(1e-6));
        assertThat(b.intercept()).isCloseTo(a.intercept(), within(1e-6));
        assertThat(Files.readString(covariance.resolve("config.json"))).contains("\"--updates\" : \"covariance\"");
        CliOutcome bad = run("lasso", "--train", train.toString(), "--lambda", "0.1", "--updates", "gram", "--out",
                dir.resolve("z").toString());
        assertThat(bad.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("--updates").contains("naive").contains("covariance");
    }

    /** --path alone is glmnet's default path: 100 λ down to 1e-4·λ_max with n > p, 1e-2·λ_max otherwise. */
    @Test
    void aPathWithoutALengthIsGlmnetsDefault() throws IOException {
        Path tall = trainFile(); // 80 rows, 30 features
        Path wide = dir.resolve("wide.libsvm");
        LibSvmWriter.write(new CorrelatedDesign(20, 60, 5, 0.3, 4, 0.1, 2).generate(), wide);
        for (Path train : List.of(tall, wide)) {
            Path out = dir.resolve("default-path-" + train.getFileName());
            CliOutcome o = run("lasso", "--train", train.toString(), "--path", "--workers", "1", "--out",
                    out.toString());
            assertThat(o.exitCode()).as(o.err()).isZero();
            List<String> rows = Files.readAllLines(out.resolve("path.csv"));
            assertThat(rows).hasSize(101);
            double first = Double.parseDouble(rows.get(1).split(",")[1]);
            double last = Double.parseDouble(rows.get(100).split(",")[1]);
            assertThat(last / first).isCloseTo(train == tall ? 1e-4 : 1e-2, within(1e-12));
            assertThat(out.resolve("config.json")).content()
                    .contains("\"--path-ratio\" : \"" + (train == tall ? "1.0E-4" : "0.01") + "\"");
        }
        CliOutcome bad = run("lasso", "--train", tall.toString(), "--path", "--path-ratio", "big", "--out",
                dir.resolve("bad").toString());
        assertThat(bad.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("--path-ratio");
    }

    @Test
    void pathWritesOneModelPerLambda() throws IOException {
        Path out = dir.resolve("path");
        CliOutcome o = run("lasso", "--train", trainFile().toString(), "--path", "5", "--scheduler", "random", "--block-size", "4",
                "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        try (var files = Files.list(out.resolve("models"))) {
            assertThat(files.count()).isEqualTo(5);
        }
    }

    @Test
    void malformedInputExitsWithTwoNamesTheLineAndWritesNothing() throws IOException {
        Path bad = dir.resolve("bad.libsvm");
        Files.writeString(bad, "1 1:0.5 2:1\n2 1:0.25 x:3\n");
        Path out = dir.resolve("never");
        CliOutcome o = run("lasso", "--train", bad.toString(), "--lambda", "0.1", "--out", out.toString());
        assertThat(o.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(o.err()).contains(bad + ":2:").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void badOptionValuesAreUsageErrors() throws IOException {
        CliOutcome o = run("lasso", "--train", trainFile().toString(), "--lambda", "-1", "--out", dir.resolve("x").toString());
        assertThat(o.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("lambda");
        CliOutcome both = run("lasso", "--train", "t", "--lambda", "1", "--path", "3", "--out", "x");
        assertThat(both.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        CliOutcome unknown = run("lasso", "--train", trainFile().toString(), "--lambda", "0.1", "--scheduler", "nope",
                "--out", dir.resolve("y").toString());
        assertThat(unknown.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(unknown.err()).contains("smp").contains("random").contains("cyclic");
    }

    @Test
    void predictWritesOnePredictionPerRowAndReportsRmse() throws IOException {
        Path train = trainFile();
        Path out = dir.resolve("run");
        assertThat(run("lasso", "--train", train.toString(), "--lambda", "0.02", "--out", out.toString()).exitCode()).isZero();
        Path predictions = dir.resolve("pred.txt");
        CliOutcome o = run("predict", "--model", out.resolve("model.txt").toString(), "--data", train.toString(),
                "--out", predictions.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("RMSE").contains("R^2");
        assertThat(Files.readAllLines(predictions)).hasSize(80);
    }

    @Test
    void predictWithACorruptModelIsABadInputError() throws IOException {
        Path model = dir.resolve("model.txt");
        Files.writeString(model, "smpframe-lasso 1\nfeatures 3\nintercept oops\n");
        CliOutcome o = run("predict", "--model", model.toString(), "--data", trainFile().toString());
        assertThat(o.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(o.err()).contains(model + ":3:");
    }

    @Test
    void demoRunsOnTheBundledData() {
        Path out = dir.resolve("demo");
        CliOutcome o = run("demo", "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("converged").contains("test R^2");
        assertThat(out.resolve("model.txt")).exists();
        assertThat(out.resolve("path.csv")).exists();
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub : new String[] {"lasso", "predict", "demo"}) {
            CliOutcome o = run(sub, "--help");
            assertThat(o.exitCode()).isZero();
            assertThat(o.out()).contains("Usage: smp " + sub);
        }
        assertThat(run("--help").out()).contains("lasso").contains("predict").contains("demo");
    }

    @Test
    void divergenceIsReportedWithExitCodeThreeAndAHint() throws IOException {
        // All 30 coordinates updated together from one residual (a Jacobi step) on correlated columns.
        CliOutcome o = run("lasso", "--train", trainFile().toString(), "--lambda", "0.001", "--scheduler", "cyclic",
                "--block-size", "30", "--layout", "rows", "--out", dir.resolve("div").toString());
        assertThat(o.exitCode()).isEqualTo(SmpCommand.EXIT_DIVERGED);
        assertThat(o.err()).contains("diverged").contains("block size");
    }
}
