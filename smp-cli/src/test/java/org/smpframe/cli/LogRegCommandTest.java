package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smpframe.cli.CliOutcome.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpframe.data.LibSvmWriter;
import org.smpframe.logreg.LogRegModel;
import org.smpframe.logreg.LogisticDesign;

/** {@code smp logreg} and {@code smp predict} on a logistic model, as a user meets them. */
class LogRegCommandTest {
    @TempDir
    Path dir;

    private Path data(String name, long seed) throws IOException {
        Path f = dir.resolve(name);
        LibSvmWriter.write(new LogisticDesign(300, 30, 0.2, 3, 0.5, 6, seed).generate(), f);
        return f;
    }

    @Test
    void fitsWritesALiblinearModelAndPredictsFromIt() throws IOException {
        Path train = data("train.svm", 1);
        Path test = data("test.svm", 2);
        Path out = dir.resolve("run");
        CliOutcome o = run("logreg", "--train", train.toString(), "--test", test.toString(), "--c", "1",
                "--workers", "2", "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("converged").contains("liblinear C = 1.00000").contains("test ");
        LogRegModel model = LogRegModel.read(out.resolve("model.txt"));
        assertThat(model.hasBias()).isTrue();
        assertThat(Files.readAllLines(out.resolve("model.txt")).get(0)).isEqualTo("solver_type L1R_LR");
        List<String> trace = Files.readAllLines(out.resolve("trace.csv"));
        assertThat(trace.get(0)).isEqualTo(LogRegRun.TRACE_HEADER);
        assertThat(trace).hasSizeGreaterThan(1);
        assertThat(trace.get(trace.size() - 1).split(",", -1)).hasSize(14).doesNotContain("");

        Path predictions = dir.resolve("pred.txt");
        CliOutcome p = run("predict", "--model", out.resolve("model.txt").toString(), "--data", test.toString(),
                "--out", predictions.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.out()).contains("accuracy").contains("AUC");
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines.get(0)).isEqualTo("labels 1 -1");
        assertThat(lines).hasSize(301);
        String[] first = lines.get(1).split(" ");
        assertThat(Double.parseDouble(first[1]) + Double.parseDouble(first[2])).isEqualTo(1.0);
    }

    @Test
    void jsonProgressIsOneObjectPerLineAndQuietIsSilent() throws IOException {
        Path train = data("train.svm", 5);
        CliOutcome json = run("logreg", "--train", train.toString(), "--lambda", "0.005", "--eval-every", "2",
                "--log-format", "json", "--out", dir.resolve("json").toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        List<String> lines = json.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThan(2).allSatisfy(l -> assertThat(l)
                .startsWith("{\"event\":\"").endsWith("}").contains("\"app\":\"logreg\"").doesNotContain("NaN"));
        assertThat(lines.get(0)).startsWith("{\"event\":\"start\"");
        assertThat(lines.stream().filter(l -> l.contains("\"event\":\"evaluation\"")))
                .allSatisfy(l -> assertThat(l).contains("\"objective\":").contains("\"progress\":"));
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"event\":\"stage_end\"").contains("\"converged\":true");

        CliOutcome quiet = run("logreg", "--train", train.toString(), "--lambda", "0.005", "--quiet", "--out",
                dir.resolve("quiet").toString());
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.stderr()).isEmpty();
        assertThat(quiet.out()).contains("objective"); // results still go to stdout
    }

    @Test
    void aRunRepeatsExactlyFromItsConfigJson() throws IOException {
        Path train = data("train.svm", 9);
        Path first = dir.resolve("first");
        CliOutcome a = run("logreg", "--train", train.toString(), "--lambda", "0.003", "--seed", "5",
                "--eval-every", "1", "--out", first.toString());
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(first.resolve("environment.json")).content().contains("\"cores\"").contains("\"java\"");
        assertThat(first.resolve("summary.txt")).content().isEqualTo(a.out());
        assertThat(first.resolve("config.json")).content().contains("\"--workers\"")
                .contains("\"--layout\" : \"features\"") // auto's choice for this shape, recorded with its defaults
                .contains("\"--block-size\" : \"" + Integer.MAX_VALUE + "\"").contains("\"--rho\" : \"off\"");

        Path second = dir.resolve("second");
        CliOutcome b = run("logreg", "--config", first.resolve("config.json").toString(), "--out", second.toString());
        assertThat(b.exitCode()).as(b.err()).isZero();
        // The same rounds and objectives; only the solver seconds (first column) differ.
        assertThat(withoutSeconds(second.resolve("trace.csv"))).isEqualTo(withoutSeconds(first.resolve("trace.csv")));
        assertThat(Files.readString(second.resolve("model.txt"))).isEqualTo(Files.readString(first.resolve("model.txt")));

        assertThat(first.resolve("config.json")).content().doesNotContain("--out"); // a repeat names its own
        // Options after --config win, also over the file's alternative of an exclusive group (--lambda vs --c).
        CliOutcome other = run("logreg", "--config", first.resolve("config.json").toString(), "--c", "2",
                "--out", dir.resolve("third").toString());
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(other.out()).contains("liblinear C = 2.00000");
        CliOutcome order = run("--config", first.resolve("config.json").toString(), "logreg");
        assertThat(order.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(order.err()).contains("name the command first");

        CliOutcome wrong = run("lasso", "--config", first.resolve("config.json").toString());
        assertThat(wrong.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(wrong.err()).contains("this configuration is for 'smp logreg', not 'smp lasso'");
    }

    private static List<String> withoutSeconds(Path trace) throws IOException {
        return Files.readAllLines(trace).stream().map(l -> l.substring(l.indexOf(',') + 1)).toList();
    }

    @Test
    void aPathWritesOneModelPerLambda() throws IOException {
        Path out = dir.resolve("path");
        CliOutcome o = run("logreg", "--train", data("t.svm", 3).toString(), "--path", "4", "--workers", "1",
                "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("path.csv"))).hasSize(5);
        assertThat(out.resolve("models").resolve("lambda-003.txt")).exists();
    }

    @Test
    void aLabelThatIsNotAClassIsRefusedWithItsLineAndNothingIsWritten() throws IOException {
        Path bad = dir.resolve("bad.svm");
        Files.writeString(bad, "1 1:0.5\n-1 2:1\n# comment\n3 1:1\n");
        Path out = dir.resolve("never");
        CliOutcome o = run("logreg", "--train", bad.toString(), "--lambda", "0.01", "--out", out.toString());
        assertThat(o.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("bad.svm:4: label 3 is not a class of binary classification");
        assertThat(out).doesNotExist();
    }

    @Test
    void oneClassOnlyIsAUsageErrorNotACrash() throws IOException {
        Path one = dir.resolve("one.svm");
        Files.writeString(one, "1 1:0.5\n1 2:1\n");
        CliOutcome o = run("logreg", "--train", one.toString(), "--lambda", "0.01", "--out", dir.resolve("x").toString());
        assertThat(o.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("needs both classes");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path train = data("t.svm", 4);
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        String[][] bad = {
            {"--lambda", "-1"}, {"--path", "1"}, {"--lambda", "0.1", "--workers", "0"},
            {"--lambda", "0.1", "--scheduler", "nope"}, {"--lambda", "0.1", "--log-format", "xml"},
            {"--lambda", "0.1", "--max-rounds", "0"}, {"--lambda", "0.1", "--pipeline-depth", "-1"},
            {"--lambda", "0.1", "--rho", "none"}, {"--lambda", "0.1", "--rho", "0"},
        };
        for (String[] options : bad) {
            Path out = dir.resolve("out-" + String.join("", options).replaceAll("[^a-z0-9]", ""));
            List<String> args = new java.util.ArrayList<>(List.of("logreg", "--train", train.toString()));
            args.addAll(List.of(options));
            args.addAll(List.of("--out", out.toString()));
            CliOutcome o = run(args.toArray(new String[0]));
            assertThat(o.exitCode()).as("%s: %s", List.of(options), o.err()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
            assertThat(out).as("%s", List.of(options)).doesNotExist();
        }
        CliOutcome onFile = run("logreg", "--train", train.toString(), "--lambda", "0.1", "--out", file.toString());
        assertThat(onFile.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(onFile.err()).contains("is a file, not a directory");
    }
}
