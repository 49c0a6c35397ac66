package org.smpframe.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.smpframe.data.LabelRule;
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.LibSvmReader;
import org.smpframe.logreg.BinaryMetrics;
import org.smpframe.logreg.LogRegConfig;
import org.smpframe.logreg.LogRegModel;
import org.smpframe.logreg.LogRegResult;
import org.smpframe.logreg.LogRegTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * A sparse logistic regression from Java on the bundled breast-cancer data (labels 0/1): liblinear's C = 1,
 * standardized features, a listener that prints the objective as it goes, the model saved in liblinear's
 * format and read back. Run from the repository root:
 * {@code java -cp ... org.smpframe.examples.LogRegExample [data/breast_cancer.libsvm]}.
 */
public final class LogRegExample {
    private LogRegExample() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "data/breast_cancer.libsvm");
        LabeledDataset data = LibSvmReader.read(file, LibSvmReader.Options.defaults().withLabels(LabelRule.BINARY));
        LogRegConfig config = LogRegConfig.builder()
                .lambda(LogRegConfig.lambdaForC(1.0, data.numRows()))  // liblinear's C = 1 (-s 6 -c 1 -B 1 -R)
                .standardize(true)                                      // (liblinear would not standardize)
                .tolerance(1e-4)
                .build();
        LogRegResult result;
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(2)) {
            result = new LogRegTrainer(config).fit(data, null, runtime, p -> System.out.printf(Locale.ROOT,
                    "round %5d  objective %.8f  nonzeros %d%n", p.round(), p.objective(), p.nonzeros()));
        }
        LogRegModel model = result.finalModel();
        BinaryMetrics train = result.last().train();
        System.out.printf(Locale.ROOT, "converged %s: %d of %d features, accuracy %.4f, AUC %.4f%n",
                result.allConverged(), model.nonzeros(), model.numFeatures(), train.accuracy(), train.auc());

        Path saved = Files.createTempFile("breast-cancer", ".model");
        model.save(saved);
        LogRegModel back = LogRegModel.read(saved);
        double p0 = LogRegModel.probability(back.decision(data.features(), 0));
        System.out.printf(Locale.ROOT, "saved in liblinear format (%s); P(label %d | row 1) = %.4f%n",
                saved.getFileName(), back.positiveLabel(), p0);
        Files.delete(saved);
    }
}
