package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smpframe.cli.CliOutcome.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.smpframe.data.InputException;

/**
 * The cluster commands as a user runs them: {@code smp launch --local N} starts real worker JVMs on 127.0.0.1,
 * which rebuild the app from its command line, and the outputs equal a local run's.
 */
@Timeout(240)
class ClusterCommandTest {
    @TempDir
    Path dir;

    @Test
    void lassoOnTwoWorkerProcessesWritesTheLocalRunsModel() throws Exception {
        List<String> app = List.of("lasso", "--train", "../data/diabetes.libsvm", "--path", "3", "--tolerance", "1e-4", "--workers", "2",
                "--seed", "4");
        CliOutcome local = run(args(app, "--out", dir.resolve("local").toString()));
        CliOutcome cluster = run(args(List.of("launch", "--local", "2"), app, "--out", dir.resolve("cluster").toString()));
        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(cluster.exitCode()).as(cluster.err() + cluster.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("cluster/model.txt")))
                .isEqualTo(Files.readString(dir.resolve("local/model.txt")));
        assertThat(cluster.stderr()).contains("started 2 worker processes").contains("cluster run:");
    }

    @Test
    void rotationMatrixFactorizationOnTwoWorkerProcessesWritesTheLocalRunsFactors() throws Exception {
        List<String> app = List.of("mf", "--ratings", "../data/synthetic-ratings.csv", "--rank", "4", "--iterations",
                "3", "--workers", "2", "--blocks-per-worker", "2");
        assertThat(run(args(app, "--out", dir.resolve("local").toString())).exitCode()).isZero();
        CliOutcome cluster = run(args(List.of("launch", "--local", "2"), app, "--out", dir.resolve("cluster").toString()));
        assertThat(cluster.exitCode()).as(cluster.err() + cluster.stderr()).isZero();
        for (String file : List.of("item_factors.tsv", "user_factors.tsv")) {
            assertThat(Files.readString(dir.resolve("cluster/model").resolve(file)))
                    .isEqualTo(Files.readString(dir.resolve("local/model").resolve(file)));
        }
    }

    @Test
    void logisticRegressionOnTwoWorkerProcessesWritesTheLocalRunsModel() throws Exception {
        List<String> app = List.of("logreg", "--train", "../data/breast_cancer.libsvm", "--c", "1", "--standardize",
                "--workers", "2", "--seed", "3");
        assertThat(run(args(app, "--out", dir.resolve("local").toString())).exitCode()).isZero();
        CliOutcome cluster = run(args(List.of("launch", "--local", "2"), app, "--out", dir.resolve("cluster").toString()));
        assertThat(cluster.exitCode()).as(cluster.err() + cluster.stderr()).isZero();
        assertThat(Files.readString(dir.resolve("cluster/model.txt")))
                .isEqualTo(Files.readString(dir.resolve("local/model.txt")));
    }

    @Test
    void aWorkerCountOtherThanTheLaunchedProcessesIsAUsageError() {
        CliOutcome o = run("launch", "--local", "3", "lasso", "--train", "../data/diabetes.libsvm", "--lambda", "1",
                "--workers", "2", "--out", dir.resolve("x").toString());
        assertThat(o.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("asks for 2 workers").contains("--local starts 3");
    }

    @Test
    void aWorkerWhoseDataDiffersFromTheCoordinatorsRefusesTheJob() throws Exception {
        Path data = Files.copy(Path.of("../data/diabetes.libsvm"), dir.resolve("d.libsvm"));
        byte[] job = JobDescription.encode(List.of("lasso", "--train", data.toString(), "--lambda", "1", "--out", "x"),
                List.of(data));
        assertThat(JobDescription.build(job).name()).isEqualTo("lasso");
        Files.writeString(data, Files.readString(data).replaceFirst("151", "152"));
        assertThatThrownBy(() -> JobDescription.build(job)).isInstanceOf(InputException.class)
                .hasMessageContaining("differs from the coordinator's");
        Files.delete(data);
        assertThatThrownBy(() -> JobDescription.build(job)).isInstanceOf(InputException.class)
                .hasMessageContaining("cannot be read on this worker");
    }

    @Test
    void aWorkerThatCannotReachItsCoordinatorGivesUpWithExitCodeFive() throws Exception {
        Path conf = Files.writeString(dir.resolve("short.conf"), "smp.cluster.join-timeout = 3s\n");
        CliOutcome o = run("worker", "--join", "127.0.0.1:9", "--cluster-config", conf.toString());
        assertThat(o.exitCode()).isEqualTo(SmpCommand.EXIT_CLUSTER);
        assertThat(o.stderr()).contains("could not join the coordinator at 127.0.0.1:9");
    }

    private static String[] args(List<String> first, List<String> second, String... rest) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    private static String[] args(List<String> first, String... rest) {
        return args(first, List.of(), rest);
    }
}
