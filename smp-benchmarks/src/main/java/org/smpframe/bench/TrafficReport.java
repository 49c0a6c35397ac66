package org.smpframe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.smpframe.api.RunSummary;
import org.smpframe.api.Traffic;
import org.smpframe.bench.lda.LdaConvergenceBenchmark;
import org.smpframe.data.Corpus;
import org.smpframe.data.LabelRule;
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.LibSvmReader;
import org.smpframe.data.RatingsSplit;
import org.smpframe.lasso.LassoConfig;
import org.smpframe.lasso.LassoTrainer;
import org.smpframe.lda.LdaConfig;
import org.smpframe.lda.LdaTrainer;
import org.smpframe.logreg.LogRegConfig;
import org.smpframe.logreg.LogRegTrainer;
import org.smpframe.mf.MfConfig;
import org.smpframe.mf.MfProblem;
import org.smpframe.mf.MfTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * What each app's rounds would send over a network, measured by passing every message through its wire format
 * in the embedded runtime: bytes per round by kind (partials to the aggregator, commits to each worker, model
 * blocks between workers), for 2 and 4 workers. The numbers a cluster runtime's cost per round starts from;
 * docs/communication.md gives the formulas they follow.
 */
public final class TrafficReport {
    private TrafficReport() {
    }

    public static void main(String[] args) {
        Path data = Files.isDirectory(Path.of("../shared/data")) ? Path.of("../shared/data") : Path.of("../../shared/data");
        if (args.length == 2 && args[0].equals("--data")) {
            data = Path.of(args[1]);
        }
        System.out.println("app,data,workers,rounds,partial_bytes_per_round,commit_bytes_per_round,"
                + "block_bytes_per_round,total_bytes_per_round");
        for (int p : new int[] {2, 4}) {
            LabeledDataset diabetes = LibSvmReader.read(Path.of("data/diabetes.libsvm"));
            try (EmbeddedRuntime rt = new EmbeddedRuntime(p)) {
                RunSummary s = new LassoTrainer(LassoConfig.builder().lambda(1.0).verifyWireFormats(true).build())
                        .fit(diabetes, rt, point -> { }).stages().get(0).summary();
                print("lasso (L=32)", "diabetes 442x10", p, s);
            }
            LabeledDataset wdbc = LibSvmReader.read(Path.of("data/breast_cancer.libsvm"),
                    LibSvmReader.Options.defaults().withLabels(LabelRule.BINARY));
            try (EmbeddedRuntime rt = new EmbeddedRuntime(p)) {
                RunSummary s = new LogRegTrainer(LogRegConfig.builder().lambda(0.01).standardize(true)
                        .verifyWireFormats(true).build()).fit(wdbc, null, rt, point -> { }).stages().get(0).summary();
                print("logreg (L=16)", "wdbc 569x30", p, s);
            }
            try {
                RatingsSplit.Split u1 = MfConvergenceBenchmark.movieLensU1(data);
                try (EmbeddedRuntime rt = new EmbeddedRuntime(p)) {
                    RunSummary s = new MfTrainer(MfConfig.builder().rank(10).lambda(0.1).iterations(3)
                            .verifyWireFormats(true).build()).fit(MfProblem.of(u1.train(), u1.test()), rt, point -> { })
                            .summary();
                    print("mf rotation (k=10)", "movielens 100k", p, s);
                }
                try (EmbeddedRuntime rt = new EmbeddedRuntime(p)) {
                    RunSummary s = new MfTrainer(MfConfig.builder().rank(10).lambda(0.1).iterations(3)
                            .method(org.smpframe.mf.MfMethod.HOGWILD).learningRate(0.01).verifyWireFormats(true).build())
                            .fit(MfProblem.of(u1.train(), u1.test()), rt, point -> { }).summary();
                    print("mf hogwild (k=10)", "movielens 100k", p, s);
                }
            } catch (DataUnavailableException e) {
                System.out.println("# skipped MF: " + e.getMessage());
            }
            Corpus ap = LdaConvergenceBenchmark.ap(data);
            if (ap == null) {
                System.out.println("# skipped LDA: no AP corpus under " + data);
                continue;
            }
            for (org.smpframe.lda.LdaMethod method : org.smpframe.lda.LdaMethod.values()) {
                try (EmbeddedRuntime rt = new EmbeddedRuntime(p)) {
                    RunSummary s = new LdaTrainer(LdaConfig.builder().topics(1000).alpha(0.1).iterations(5)
                            .method(method).verifyWireFormats(true).build()).fit(ap, null, rt, point -> { }).summary();
                    print("lda " + method.cliName() + " (K=1000)", "AP", p, s);
                }
            }
        }
    }

    private static void print(String app, String data, int workers, RunSummary s) {
        Traffic t = s.traffic();
        double r = Math.max(1, s.rounds());
        System.out.printf(Locale.ROOT, "%s,%s,%d,%d,%.0f,%.0f,%.0f,%.0f%n", app, data, workers, s.rounds(),
                t.partialBytes() / r, t.commitBytes() / r, t.blockBytes() / r,
                (t.partialBytes() + t.commitBytes() + t.blockBytes()) / r);
    }
}
