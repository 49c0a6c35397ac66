package org.smpframe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smpframe.api.MemoryBudget;
import org.smpframe.api.SmpProgram;
import org.smpframe.data.CheckpointFile;
import org.smpframe.data.LabelRule;
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.LibSvmReader;
import org.smpframe.logreg.LogRegConfig;
import org.smpframe.logreg.LogRegProblem;
import org.smpframe.logreg.LogRegTrainer;
import org.smpframe.linear.Layout;
import org.smpframe.linear.RegularizationPath;
import org.smpframe.linear.PathCheckpoint;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code smp logreg}: fit a sparse logistic regression for one λ or along a regularization path. */
@Command(name = "logreg", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Fit a sparse (L1) logistic regression, scheduled model-parallel.",
            "Minimizes (1/n) sum_i log(1 + exp(-y_i (x_i.w + b))) + lambda ||w||_1 with an",
            "unpenalized bias b; labels -1/+1 or 0/1. liblinear -s 6 -c C -B 1 -R solves",
            "the same problem for C = 1/(n lambda). Writes model.txt (liblinear's format),",
            "trace.csv, plots and path.csv to --out."})
final class LogRegCommand implements Callable<Integer>, ClusterJob {
    @Option(names = "--train", required = true, paramLabel = "FILE",
            description = "Training data in LibSVM/SVMlight format (.gz and .xz read transparently).")
    Path train;

    @Option(names = "--test", paramLabel = "FILE",
            description = "Test data; accuracy, log-loss and ROC AUC are reported in the trace and for every lambda.")
    Path test;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Penalty penalty;

    static final class Penalty {
        @Option(names = "--lambda", paramLabel = "L", description = "The L1 penalty lambda (> 0).")
        Double lambda;

        @Option(names = "--c", paramLabel = "C", description = "liblinear's cost C instead of lambda: lambda = 1/(n C) (liblinear -s 6 -c C -B 1 -R).")
        Double cost;

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

    @Option(names = "--tolerance", paramLabel = "EPS", defaultValue = "0.01",
            description = "Stop when the min-norm subgradient has shrunk by EPS * max(1, min(#pos, #neg))/n, liblinear's -e rule (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--rel-tolerance", paramLabel = "R", defaultValue = "0",
            description = "Also stop when 3 evaluations in a row improved the objective by less than R, relative; 0 = never (default: ${DEFAULT-VALUE}).")
    double relTolerance;

    @Option(names = "--no-bias", description = "Fit without the bias term.")
    boolean noBias;

    @Option(names = "--standardize", description = "Divide features by their standard deviation before fitting; weights are reported on the original scale.")
    boolean standardize;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if needed).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Prepared p = prepare();
        LabeledDataset trainData = p.train();
        LogRegConfig config = p.config();
        // Refused here, before the run directory exists, if it cannot fit (the trainer checks again).
        MemoryBudget.require(LogRegTrainer.estimateBytes(trainData, config, solver.workers()),
                "logistic regression on " + trainData.numRows() + " rows x " + trainData.numFeatures() + " features");
        ProgressReporter progress = output.reporter("logreg");
        RunDirectory.writeStart(spec, out);
        Checkpointing<PathCheckpoint> checkpointing = new Checkpointing<>(checkpoint.every, checkpoint.seconds,
                p.start(), p.priorTrace(), p.compatibility());
        new LogRegRun(config, parent.runtimes().create(solver.workers(), this), progress)
                .execute(trainData, p.test(), out, System.out, checkpointing);
        return SmpCommand.EXIT_OK;
    }

    @Override
    public SmpProgram<?, ?, ?> program() throws IOException {
        Prepared p = prepare();
        return new LogRegTrainer(p.config()).program(p.train());
    }

    @Override
    public List<Path> inputs() {
        return JobDescription.existing(train, test);
    }

    /** The configuration and data of a run, as both the run and a cluster worker build them. */
    private record Prepared(LogRegConfig config, LabeledDataset train, LabeledDataset test, PathCheckpoint start,
                            String priorTrace, String compatibility) {
    }

    private Prepared prepare() throws IOException {
        solver.checkEarly();
        RegularizationPath.parseRatio(pathRatio, 1, 1); // a mistyped ratio fails before the data is read
        LibSvmReader.Options binary = LibSvmReader.Options.defaults().withLabels(LabelRule.BINARY);
        LabeledDataset trainData = LibSvmReader.read(train, binary);
        Layout layout = solver.resolveLayout(
                LogRegConfig.autoLayout(trainData.numRows(), trainData.numFeatures() + (noBias ? 0 : 1)));
        if (layout == Layout.ROWS) {
            solver.resolve(16, "off", 0.1, 1, 0);
        } else {
            solver.resolve(Integer.MAX_VALUE, "off", 0.1, 1, 0);
        }
        LabeledDataset testData = test == null ? null : LibSvmReader.read(test, binary);
        LogRegConfig.Builder b = LogRegConfig.builder()
                .tolerance(tolerance).relTolerance(relTolerance).bias(!noBias).standardize(standardize)
                .maxRounds(solver.maxRounds).timeLimitSeconds(solver.timeLimit)
                .scheduler(solver.scheduler).scheduling(solver.scheduling())
                .pipelineDepth(solver.pipelineDepth).evaluateEvery(solver.evalEvery)
                .seed(solver.seed).verifyWireFormats(solver.verifyWire).layout(layout.label());
        if (penalty.lambda != null) {
            b.lambda(penalty.lambda);
        } else if (penalty.cost != null) {
            if (!(penalty.cost > 0)) {
                throw new IllegalArgumentException("--c must be > 0, got " + penalty.cost);
            }
            b.lambda(LogRegConfig.lambdaForC(penalty.cost, trainData.numRows()));
        } else {
            double ratio = RegularizationPath.parseRatio(pathRatio, trainData.numRows(), trainData.numFeatures());
            pathRatio = Double.toString(ratio); // config.json records the value used
            b.path(penalty.path, ratio);
        }
        LogRegConfig config = b.build();
        solver.validate(layout);
        checkpoint.validate();
        LogRegProblem.checkFittable(trainData, !noBias);
        String compatibility = LogRegTrainer.checkpointCompatibility(trainData, config, solver.workers());
        CheckpointFile.Saved<PathCheckpoint> saved = checkpoint.resumePath(LogRegTrainer.CHECKPOINT_KIND,
                compatibility);
        return saved == null ? new Prepared(config, trainData, testData, null, "", compatibility)
                : new Prepared(config, trainData, testData, saved.state(), saved.extra(), compatibility);
    }
}
