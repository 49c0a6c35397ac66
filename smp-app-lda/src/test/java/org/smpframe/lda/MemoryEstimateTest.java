package org.smpframe.lda;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smpframe.api.RunOptions;
import org.smpframe.api.SmpSession;
import org.smpframe.data.Corpus;
import org.smpframe.data.CorpusReader;
import org.smpframe.runtime.embedded.EmbeddedRuntime;
import org.smpframe.schedulers.SchedulerSettings;
import org.smpframe.schedulers.Schedulers;

/** The memory estimate against the heap the training state really takes, on the real AP corpus. */
class MemoryEstimateTest {
    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Corpus ap() {
        for (String base : new String[] {"../shared/data", "../../shared/data"}) {
            Path dir = Path.of(base, "lda_ap");
            if (Files.isRegularFile(dir.resolve("ap.dat.xz"))) {
                return CorpusReader.readLdaC(dir.resolve("ap.dat.xz"), dir.resolve("vocab.txt.xz"));
            }
        }
        return null;
    }

    @ParameterizedTest
    @CsvSource({"ROTATION,100,2", "ROTATION,1000,2", "ROTATION,20000,2", "DATA_PARALLEL,1000,2"})
    void estimateIsWithin30PercentOfTheMeasuredHeap(LdaMethod method, int topics, int workers) {
        Corpus corpus = ap();
        Assumptions.assumeTrue(corpus != null, "the AP corpus (../shared/data/lda_ap) is not here: skipped");
        LdaConfig config = LdaConfig.builder().topics(topics).alpha(0.1).method(method).iterations(1).build();
        long before = usedAfterGc();
        LdaProblem problem = new LdaProblem(corpus, config);
        LdaRun program = method == LdaMethod.ROTATION ? new RotationLdaProgram(problem, config)
                : new DataParallelLdaProgram(problem, config);
        long measured;
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers);
             SmpSession session = runtime.open((org.smpframe.api.SmpProgram<?, ?, ?>) program)) {
            session.run(Schedulers.create(method == LdaMethod.ROTATION ? "rotation" : "cyclic",
                    SchedulerSettings.defaults()), RunOptions.builder().maxRounds(program.roundsPerIteration(workers))
                    .pipelineDepth(0).build(), p -> { });
            LdaModel model = program.model();
            measured = usedAfterGc() - before;
            assertThat(model.numTopics()).isEqualTo(topics); // keeps the model reachable until measured
        }
        long estimate = LdaTrainer.estimateBytes(corpus, config, workers);
        assertThat((double) estimate).as("estimate %d vs measured %d bytes", estimate, measured)
                .isBetween(0.7 * measured, 1.3 * measured);
    }
}
