package org.smpframe.mf;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smpframe.api.RunOptions;
import org.smpframe.api.SmpSession;
import org.smpframe.data.Ratings;
import org.smpframe.data.RatingsReader;
import org.smpframe.runtime.embedded.EmbeddedRuntime;
import org.smpframe.schedulers.SchedulerSettings;
import org.smpframe.schedulers.Schedulers;

/** The memory estimate against the heap the training state really takes, on MovieLens 100K. */
class MemoryEstimateTest {
    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Ratings[] movieLens() {
        for (String base : new String[] {"../shared/data", "../../shared/data"}) {
            Path dir = Path.of(base, "movielens_100k");
            if (Files.isRegularFile(dir.resolve("u1.base.xz"))) {
                Ratings train = RatingsReader.read(dir.resolve("u1.base.xz"), RatingsReader.Options.defaults());
                Ratings test = RatingsReader.read(dir.resolve("u1.test.xz"), RatingsReader.Options.defaults()
                        .withIdsOf(train).withUnknownIds(RatingsReader.UnknownIds.SKIP));
                return new Ratings[] {train, test};
            }
        }
        return null;
    }

    @ParameterizedTest
    @CsvSource({"ROTATION,10,2", "ROTATION,200,2", "ROTATION,200,4", "HOGWILD,10,2", "HOGWILD,200,2"})
    void estimateIsWithin30PercentOfTheMeasuredHeap(MfMethod method, int rank, int workers) {
        Ratings[] data = movieLens();
        Assumptions.assumeTrue(data != null, "MovieLens 100K (../shared/data/movielens_100k) is not here: skipped");
        MfConfig config = MfConfig.builder().method(method).rank(rank).innerIterations(1).iterations(1)
                .learningRate(0.001).build();
        long before = usedAfterGc();
        MfProblem problem = MfProblem.of(data[0], data[1]);
        long measured;
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(workers)) {
            MfModel model;
            if (method == MfMethod.ROTATION) {
                CcdProgram program = new CcdProgram(problem, config);
                try (SmpSession session = runtime.open(program)) {
                    session.run(Schedulers.create("rotation", SchedulerSettings.defaults()), RunOptions.builder()
                            .maxRounds(program.roundsPerIteration(workers)).pipelineDepth(0).build(), p -> { });
                    model = program.model();
                    model.setRated(problem.users, problem.items);
                    measured = usedAfterGc() - before;
                }
            } else {
                SgdProgram program = new SgdProgram(problem, config);
                try (SmpSession session = runtime.open(program)) {
                    session.run(Schedulers.create("cyclic", SchedulerSettings.defaults()), RunOptions.builder()
                            .maxRounds(program.roundsPerIteration()).pipelineDepth(0).build(), p -> { });
                    model = program.model();
                    model.setRated(problem.users, problem.items);
                    measured = usedAfterGc() - before;
                }
            }
            assertThat(model.rank()).isEqualTo(rank); // keeps the model reachable until measured
        }
        long estimate = MfTrainer.estimateBytes(data[0], data[1], config, workers);
        assertThat((double) estimate).as("estimate %d vs measured %d bytes", estimate, measured)
                .isBetween(0.7 * measured, 1.3 * measured);
    }
}
