package org.smpframe.examples;

import java.nio.file.Path;
import java.util.Locale;
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.LibSvmReader;
import org.smpframe.lasso.LassoConfig;
import org.smpframe.lasso.LassoModel;
import org.smpframe.lasso.LassoResult;
import org.smpframe.lasso.LassoStage;
import org.smpframe.lasso.LassoTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * A Lasso regularization path from Java: 10 values of λ on the bundled diabetes data, two worker threads, the
 * smp scheduler. Run from the repository root:
 * {@code java -cp examples/target/classes:... org.smpframe.examples.LassoExample [data/diabetes.libsvm]}.
 */
public final class LassoExample {
    private LassoExample() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "data/diabetes.libsvm");
        LabeledDataset data = LibSvmReader.read(file);
        LassoConfig config = LassoConfig.builder()
                .path(10, 1e-3)        // λ_max down to λ_max / 1000, warm starts
                .standardize(true)     // penalize every feature on the same scale
                .scheduler("smp")
                .build();
        LassoResult result;
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(2)) {
            result = new LassoTrainer(config).fit(data, runtime, point -> { });
        }
        System.out.println("    lambda  nonzeros     objective  converged");
        for (LassoStage s : result.stages()) {
            System.out.printf(Locale.ROOT, "%10.4g  %8d  %12.6g  %s%n", s.lambda(), s.model().nonzeros(),
                    s.objective(), s.converged());
        }
        LassoModel last = result.finalModel();
        System.out.printf(Locale.ROOT, "intercept %.4f, coefficients:", last.intercept());
        for (double b : last.coefficients()) {
            System.out.printf(Locale.ROOT, " %.3f", b);
        }
        System.out.println();
    }
}
