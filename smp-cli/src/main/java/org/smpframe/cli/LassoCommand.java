package org.smpframe.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.LibSvmReader;
import org.smpframe.lasso.LassoConfig;
import org.smpframe.schedulers.SchedulerSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smp lasso}: fit a Lasso for one λ or along a regularization path. */
@Command(name = "lasso", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Fit a Lasso, (1/2n)||y - b - X beta||^2 + lambda ||beta||_1 with an unpenalized intercept b,",
            "by scheduled model-parallel coordinate descent. Writes model.txt, trace.csv and path.csv to --out."})
final class LassoCommand implements Callable<Integer> {
    @Option(names = "--train", required = true, paramLabel = "FILE",
            description = "Training data in LibSVM/SVMlight format (.gz and .xz read transparently).")
    Path train;

    @Option(names = "--test", paramLabel = "FILE", description = "Test data; RMSE and R^2 reported for every lambda.")
    Path test;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Penalty penalty;

    static final class Penalty {
        @Option(names = "--lambda", paramLabel = "L", description = "The L1 penalty lambda (> 0).")
        Double lambda;

        @Option(names = "--path", paramLabel = "N",
                description = "A regularization path of N lambdas from lambda_max down to ratio * lambda_max (log grid, warm starts).")
        Integer path;
    }

    @Option(names = "--path-ratio", paramLabel = "EPS", defaultValue = "1e-3",
            description = "Where the path ends, as a fraction of lambda_max (default: ${DEFAULT-VALUE}).")
    double pathRatio;

    @Option(names = "--workers", paramLabel = "P", description = "Worker threads (default: the number of cores).")
    Integer workers;

    @Option(names = "--scheduler", paramLabel = "NAME", defaultValue = "smp",
            description = "smp (priorities + dependency filter), random (Shotgun) or cyclic (default: ${DEFAULT-VALUE}).")
    String scheduler;

    @Option(names = "--block-size", paramLabel = "L", defaultValue = "32",
            description = "Coordinates updated per round (default: ${DEFAULT-VALUE}).")
    int blockSize;

    @Option(names = "--rho", defaultValue = "0.1",
            description = "Dependency threshold of the smp scheduler: coordinates updated together have |correlation| below it (default: ${DEFAULT-VALUE}).")
    double rho;

    @Option(names = "--eta", defaultValue = "0.01",
            description = "Priority floor of the smp scheduler as a fraction of the mean nonzero priority (default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = "--candidates", paramLabel = "FACTOR", defaultValue = "4",
            description = "The smp scheduler samples FACTOR * block-size candidates before its dependency filter (default: ${DEFAULT-VALUE}).")
    int candidateFactor;

    @Option(names = "--warmup-sweeps", paramLabel = "SWEEPS", defaultValue = "1",
            description = "Updates per coordinate, on average, before the smp scheduler trusts its priorities (default: ${DEFAULT-VALUE}).")
    double warmupSweeps;

    @Option(names = "--pipeline-depth", paramLabel = "S", defaultValue = "1",
            description = "Rounds the scheduler may run ahead of the committed model; 0 = synchronous (default: ${DEFAULT-VALUE}).")
    int pipelineDepth;

    @Option(names = "--tolerance", defaultValue = "1e-6",
            description = "Stop when the duality gap <= tolerance * objective (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-rounds", defaultValue = "1000000", description = "Round limit per lambda (default: ${DEFAULT-VALUE}).")
    long maxRounds;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "0",
            description = "Solver time limit per lambda, 0 for none (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--eval-every", paramLabel = "ROUNDS", defaultValue = "0",
            description = "Rounds between objective/gap evaluations; 0 = about once per p coordinate updates.")
    int evalEvery;

    @Option(names = "--no-intercept", description = "Fit without intercept (b = 0).")
    boolean noIntercept;

    @Option(names = "--standardize", description = "Normalize columns to unit variance before fitting; coefficients are reported on the original scale.")
    boolean standardize;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the scheduler (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if needed).")
    Path out;

    @Option(names = "--verify-wire", description = "Encode and decode every message, as a distributed run would (slower).")
    boolean verifyWire;

    @Override
    public Integer call() throws IOException {
        LassoConfig.Builder b = LassoConfig.builder()
                .tolerance(tolerance).maxRounds(maxRounds).timeLimitSeconds(timeLimit).scheduler(scheduler)
                .scheduling(SchedulerSettings.builder().blockSize(blockSize).rho(rho).etaFraction(eta)
                        .candidateFactor(candidateFactor).warmupSweeps(warmupSweeps).build())
                .pipelineDepth(pipelineDepth).evaluateEvery(evalEvery)
                .intercept(!noIntercept).standardize(standardize).seed(seed).verifyWireFormats(verifyWire);
        if (penalty.lambda != null) {
            b.lambda(penalty.lambda);
        } else {
            b.path(penalty.path, pathRatio);
        }
        LassoConfig config = b.build();
        LabeledDataset trainData = LibSvmReader.read(train);
        LabeledDataset testData = test == null ? null
                : LibSvmReader.read(test, LibSvmReader.Options.defaults().withMinFeatures(trainData.numFeatures()));
        int p = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        new LassoRun(config, p).execute(trainData, testData, out, System.out);
        return SmpCommand.EXIT_OK;
    }
}
