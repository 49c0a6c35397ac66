package org.smpframe.logreg;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.LibSvmReader;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * The solver-state estimate against the heap the solver really holds during its first evaluation, on real data
 * from ../shared/data (skipped without it).
 */
class MemoryEstimateTest {
    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Path shared(String relative) {
        for (String base : new String[] {"../shared/data", "../../shared/data"}) {
            if (Files.isRegularFile(Path.of(base, relative))) {
                return Path.of(base, relative);
            }
        }
        return null;
    }

    @ParameterizedTest
    @CsvSource({"logreg_a9a/a9a.xz,smp,false", "logreg_w8a/w8a.xz,random,true",
        "logreg_arcene/arcene_train.libsvm.xz,smp,true", "lasso_golub_leukemia/golub_leukemia_train.libsvm.xz,smp,false"})
    void estimateIsWithin30PercentOfTheMeasuredHeap(String file, String scheduler, boolean standardize) {
        Path path = shared(file);
        Assumptions.assumeTrue(path != null, file + " is not under ../shared/data: skipped");
        LabeledDataset data = LibSvmReader.read(path, LibSvmReader.Options.defaults().withLabels(org.smpframe.data.LabelRule.BINARY));
        LogRegConfig config = LogRegConfig.builder().lambda(0.001).scheduler(scheduler).standardize(standardize)
                .maxRounds(20).evaluateEvery(10).build();
        long before = usedAfterGc();
        long[] measured = {-1};
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(2)) {
            new LogRegTrainer(config).fit(data, null, runtime, p -> {
                if (measured[0] < 0) {
                    measured[0] = usedAfterGc() - before;
                }
            });
        }
        long estimate = LogRegTrainer.estimateBytes(data, config, 2);
        assertThat((double) estimate).as("estimate %d vs measured %d bytes", estimate, measured[0])
                .isBetween(0.7 * measured[0], 1.3 * measured[0]);
    }
}
