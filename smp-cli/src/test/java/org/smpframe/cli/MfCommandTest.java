package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smpframe.cli.CliOutcome.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpframe.data.Ratings;
import org.smpframe.mf.LowRankRatings;
import org.smpframe.mf.MfModel;

/** {@code smp mf}, {@code smp mf recommend} and {@code smp predict} on an MF model, as a user meets them. */
class MfCommandTest {
    @TempDir
    Path dir;

    /** Ratings in MovieLens u.data form: user, item, rating, timestamp, tab-separated. */
    private Path ratings(String name, long seed) throws IOException {
        Ratings r = LowRankRatings.generate(80, 60, 3, 0.3, 3, 0.1, seed);
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < r.size(); k++) {
            lines.add(r.userIds().id(r.user(k)) + "\t" + r.itemIds().id(r.item(k)) + "\t" + r.rating(k) + "\t"
                    + (881250949 + k));
        }
        Path f = dir.resolve(name);
        Files.write(f, lines);
        return f;
    }

    @Test
    void fitsSavesRecommendsAndPredicts() throws IOException {
        Path data = ratings("u.data", 1);
        Path out = dir.resolve("run");
        CliOutcome o = run("mf", "--ratings", data.toString(), "--test-fraction", "0.2", "--rank", "3",
                "--lambda", "0.01", "--biases", "--iterations", "10", "--workers", "2", "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("method       rotation, rank 3").contains("test RMSE").contains("iterations   10");
        List<String> trace = Files.readAllLines(out.resolve("trace.csv"));
        assertThat(trace.get(0)).isEqualTo(MfRun.TRACE_HEADER);
        assertThat(trace).hasSize(11);
        assertThat(trace.get(10).split(",", -1)).hasSize(8).doesNotContain("", "NaN");
        assertThat(out.resolve("objective-vs-time.png")).exists();
        assertThat(out.resolve("config.json")).exists();
        MfModel model = MfModel.load(out.resolve("model"));
        assertThat(model.rank()).isEqualTo(3);
        assertThat(model.biases()).isTrue();

        CliOutcome rec = run("mf", "recommend", "--model", out.toString(), "--user", "u7", "--top", "4");
        assertThat(rec.exitCode()).as(rec.err()).isZero();
        List<String> lines = rec.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("rank\titem\tpredicted");
        int u = model.userIds().indexOf("u7");
        for (String line : lines.subList(1, 5)) {
            String item = line.split("\t")[1];
            assertThat(model.rated(u, model.itemIds().indexOf(item))).as(item).isFalse();
        }

        Path pairs = dir.resolve("pairs.tsv");
        Files.write(pairs, List.of("u1\ti2\t3.5", "u3\ti9\t2", "stranger\ti2\t4"));
        Path predictions = dir.resolve("pred.tsv");
        CliOutcome p = run("predict", "--model", out.toString(), "--data", pairs.toString(), "--out",
                predictions.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.out()).contains("pairs 3").contains("unknown user or item 1").contains("RMSE");
        List<String> predicted = Files.readAllLines(predictions);
        assertThat(predicted).hasSize(3);
        assertThat(Double.parseDouble(predicted.get(0).split("\t")[2]))
                .isEqualTo(model.predict(model.userIds().indexOf("u1"), model.itemIds().indexOf("i2")));
        assertThat(Double.parseDouble(predicted.get(2).split("\t")[2]))
                .isEqualTo(model.mean() + model.itemBias(model.itemIds().indexOf("i2")));
    }

    @Test
    void hogwildBaselineRunsFromTheSameCommand() throws IOException {
        Path data = ratings("u.data", 2);
        CliOutcome o = run("mf", "--ratings", data.toString(), "--test", ratings("test.data", 3).toString(),
                "--scheduler", "hogwild", "--rank", "3", "--iterations", "5", "--workers", "2", "--quiet",
                "--out", dir.resolve("h").toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("method       hogwild");
        assertThat(o.stderr()).isEmpty();
    }

    @Test
    void badRatingsNameFileAndLineAndWriteNothing() throws IOException {
        Path data = dir.resolve("bad.data");
        Files.write(data, List.of("1\t2\t3\t881250949", "1\t3\tfive\t881250949"));
        Path out = dir.resolve("never");
        CliOutcome o = run("mf", "--ratings", data.toString(), "--out", out.toString());
        assertThat(o.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(o.err()).contains(data + ":2:").doesNotContain("Exception");
        assertThat(out).doesNotExist();

        CliOutcome unknownScheduler = run("mf", "--ratings", ratings("ok.data", 4).toString(), "--scheduler",
                "smp", "--out", out.toString());
        assertThat(unknownScheduler.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(unknownScheduler.err()).contains("rotation, hogwild");
        assertThat(out).doesNotExist();

        CliOutcome missing = run("mf", "recommend", "--model", dir.resolve("nothing").toString(), "--user", "1");
        assertThat(missing.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(missing.err()).contains(MfModel.HEADER_FILE);
    }

    @Test
    void aRunRepeatsExactlyFromItsConfigJson() throws IOException {
        Path data = ratings("u.data", 5);
        Path first = dir.resolve("first");
        assertThat(run("mf", "--ratings", data.toString(), "--test-fraction", "0.1", "--rank", "2", "--iterations",
                "4", "--workers", "2", "--quiet", "--out", first.toString()).exitCode()).isZero();
        Path second = dir.resolve("second");
        CliOutcome again = run("mf", "--config", first.resolve("config.json").toString(), "--out", second.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readAllLines(second.resolve("model").resolve(MfModel.ITEM_FILE)))
                .isEqualTo(Files.readAllLines(first.resolve("model").resolve(MfModel.ITEM_FILE)));
    }

    @Test
    void aTimeLimitBeforeTheFirstIterationStillSavesTheModelAndSaysSo() throws IOException {
        Path data = ratings("u.data", 6);
        Path out = dir.resolve("short");
        CliOutcome o = run("mf", "--ratings", data.toString(), "--rank", "2", "--time-limit", "1e-9", "--quiet",
                "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("stopped by --time-limit before the first iteration ended");
        assertThat(out.resolve("model").resolve(MfModel.HEADER_FILE)).exists();
        assertThat(Files.readAllLines(out.resolve("trace.csv"))).containsExactly(MfRun.TRACE_HEADER);
    }

    @Test
    void predictReadsCompressedRatingsWithAHeaderAndTrimsFields() throws IOException {
        Path data = ratings("u.data", 7);
        Path out = dir.resolve("run");
        assertThat(run("mf", "--ratings", data.toString(), "--rank", "2", "--biases", "--iterations", "3", "--quiet",
                "--out", out.toString()).exitCode()).isZero();
        Path pairs = dir.resolve("pairs.csv.gz");
        try (var w = new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(Files.newOutputStream(pairs)),
                java.nio.charset.StandardCharsets.UTF_8)) {
            w.write("userId, movieId, rating\nu1, i2, 3.5\nnobody, i2, 4\n");
        }
        CliOutcome p = run("predict", "--model", out.toString(), "--data", pairs.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.out().lines().toList()).hasSize(2);
        assertThat(p.stderr()).contains("pairs 2  unknown user or item 1").contains("RMSE");
        MfModel m = MfModel.load(out.resolve("model"));
        assertThat(Double.parseDouble(p.out().lines().toList().get(1).split("\t")[2]))
                .isEqualTo(m.fallbackPrediction(-1, m.itemIds().indexOf("i2")));
    }

    @Test
    void coordinateDescentAppsRefuseTheRotation() throws IOException {
        CliOutcome o = run("lasso", "--train", "../data/diabetes.libsvm", "--lambda", "1", "--scheduler", "rotation",
                "--out", dir.resolve("x").toString());
        assertThat(o.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("rotation schedule").doesNotContain("Exception");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
