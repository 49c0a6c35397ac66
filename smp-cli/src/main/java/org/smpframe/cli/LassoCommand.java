package org.smpframe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smpframe.api.MemoryBudget;
import org.smpframe.api.SmpProgram;
import org.smpframe.data.CheckpointFile;
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.LibSvmReader;
import org.smpframe.linear.Layout;
import org.smpframe.linear.RegularizationPath;
import org.smpframe.linear.PathCheckpoint;
import org.smpframe.lasso.LassoConfig;
import org.smpframe.lasso.LassoTrainer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code smp lasso}: fit a Lasso for one λ or along a regularization path. */
@Command(name = "lasso", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Fit a Lasso by scheduled model-parallel coordinate descent.",
            "Minimizes (1/2n)||y - b - X beta||^2 + lambda ||beta||_1 with an unpenalized",
            "intercept b. Writes model.txt, trace.csv, plots and path.csv to --out."})
final class LassoCommand implements Callable<Integer>, ClusterJob {
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

        @Option(names = "--path", paramLabel = "N", arity = "0..1", fallbackValue = "100",
                description = "A regularization path of N lambdas (100 when N is left out, as glmnet) from lambda_max "
                        + "down to ratio * lambda_max (log grid, warm starts).")
        Integer path;
    }

    @Option(names = "--path-ratio", paramLabel = "EPS|auto", defaultValue = "auto",
            description = "Where the path ends, as a fraction of lambda_max (default auto, as glmnet: 1e-4 with more "
                    + "rows than features, else 1e-2).")
    String pathRatio;

    @Mixin
    SolverOptions solver;

    @Mixin
    OutputOptions output;

    @Mixin
    CheckpointOptions checkpoint;

    @Spec
    CommandSpec spec;

    @ParentCommand
    SmpCommand parent;

    @Option(names = "--tolerance", defaultValue = "1e-6",
            description = "Stop when the duality gap <= tolerance * objective (default: ${DEFAULT-VALUE}).")
    double tolerance;

    /** How a worker computes a coordinate's partial x_j'r (glmnet's type.gaussian); constants spelled as typed. */
    enum Updates { naive, covariance }

    @Option(names = "--updates", paramLabel = "naive|covariance", defaultValue = "naive",
            description = "naive: a pass over the worker's rows per coordinate; covariance: from the worker's Gram "
                    + "matrix X'X, built once (8*p^2 bytes per worker), then O(1) per coordinate: much faster for "
                    + "tall data (rows >> features, features in the hundreds). Default: ${DEFAULT-VALUE}.")
    Updates updates;

    @Option(names = "--no-intercept", description = "Fit without intercept (b = 0).")
    boolean noIntercept;

    @Option(names = "--standardize", description = "Normalize columns to unit variance before fitting; coefficients are reported on the original scale.")
    boolean standardize;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if needed).")
    Path out;

    /** The configuration and data of a run, as both the run and a cluster worker build them. */
    private record Prepared(LassoConfig config, LabeledDataset train, LabeledDataset test, PathCheckpoint start,
                            String priorTrace, String compatibility) {
    }

    private Prepared prepare() throws IOException {
        solver.checkEarly();
        RegularizationPath.parseRatio(pathRatio, 1, 1); // a mistyped ratio fails before the data is read
        LabeledDataset trainData = LibSvmReader.read(train);
        if (updates == Updates.covariance && solver.layout.equals("features")) {
            throw new IllegalArgumentException("--updates covariance is for --layout rows (tall data)");
        }
        Layout chosen = updates == Updates.covariance ? Layout.ROWS
                : solver.resolveLayout(Layout.auto(trainData.numRows(), trainData.numFeatures()));
        if (chosen == Layout.ROWS) {
            solver.resolve(32, "0.1", 0.01, 4, 1);
        } else {
            solver.resolve(Integer.MAX_VALUE, "off", 0.01, 4, 0);
        }
        LassoConfig.Builder b = LassoConfig.builder()
                .tolerance(tolerance).maxRounds(solver.maxRounds).timeLimitSeconds(solver.timeLimit)
                .scheduler(solver.scheduler).scheduling(solver.scheduling())
                .pipelineDepth(solver.pipelineDepth).evaluateEvery(solver.evalEvery)
                .intercept(!noIntercept).standardize(standardize).seed(solver.seed).verifyWireFormats(solver.verifyWire)
                .covarianceUpdates(updates == Updates.covariance).layout(chosen.label());
        if (penalty.lambda != null) {
            b.lambda(penalty.lambda);
        } else {
            double ratio = RegularizationPath.parseRatio(pathRatio, trainData.numRows(), trainData.numFeatures());
            pathRatio = Double.toString(ratio); // config.json records the value used
            b.path(penalty.path, ratio);
        }
        LassoConfig config = b.build();
        LabeledDataset testData = test == null ? null
                : LibSvmReader.read(test, LibSvmReader.Options.defaults().withMinFeatures(trainData.numFeatures()));
        solver.validate(chosen);
        checkpoint.validate();
        String compatibility = LassoTrainer.checkpointCompatibility(trainData, config, solver.workers());
        CheckpointFile.Saved<PathCheckpoint> saved = checkpoint.resumePath(LassoTrainer.CHECKPOINT_KIND,
                compatibility);
        if (saved == null) {
            return new Prepared(config, trainData, testData, null, "", compatibility);
        }
        return new Prepared(config, trainData, testData, saved.state(), saved.extra(), compatibility);
    }

    @Override
    public Integer call() throws IOException {
        Prepared p = prepare();
        // Refused here, before the run directory exists, if it cannot fit (the trainer checks again).
        MemoryBudget.require(LassoTrainer.estimateBytes(p.train(), p.config(), solver.workers()),
                "the Lasso on " + p.train().numRows() + " rows x " + p.train().numFeatures() + " features");
        ProgressReporter progress = output.reporter("lasso");
        RunDirectory.writeStart(spec, out);
        Checkpointing<PathCheckpoint> checkpointing = new Checkpointing<>(checkpoint.every, checkpoint.seconds,
                p.start(), p.priorTrace(), p.compatibility());
        new LassoRun(p.config(), parent.runtimes().create(solver.workers(), this), progress)
                .execute(p.train(), p.test(), out, System.out, checkpointing);
        return SmpCommand.EXIT_OK;
    }

    @Override
    public SmpProgram<?, ?, ?> program() throws IOException {
        Prepared p = prepare();
        return new LassoTrainer(p.config()).program(p.train(), p.start());
    }

    @Override
    public List<Path> inputs() {
        // A cluster worker reads the checkpoint as the coordinator does, to start from the same coefficients.
        return JobDescription.existing(train, test,
                checkpoint.resume == null ? null : CheckpointOptions.file(checkpoint.resume, LassoTrainer.CHECKPOINT_KIND));
    }
}
