package org.smpframe.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smpframe.api.MemoryBudget;
import org.smpframe.api.RunSnapshot;
import org.smpframe.api.SmpProgram;
import org.smpframe.data.Ratings;
import org.smpframe.data.RatingsFormat;
import org.smpframe.data.RatingsReader;
import org.smpframe.data.RatingsSplit;
import org.smpframe.data.CheckpointFile;
import org.smpframe.mf.MfCheckpoints;
import org.smpframe.mf.MfConfig;
import org.smpframe.mf.MfMethod;
import org.smpframe.mf.MfTrainer;
import org.smpframe.mf.Regularization;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code smp mf}: factorize a rating matrix; {@code smp mf recommend} uses a saved factorization. */
@Command(name = "mf", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = MfRecommendCommand.class,
        description = {
            "Factorize a rating matrix, scheduled model-parallel (CCD++ on the rotation).",
            "Minimizes sum over ratings of (r_ij - w_i.h_j)^2",
            "+ lambda (sum_i n_i |w_i|^2 + sum_j n_j |h_j|^2) (n = ratings per user/item;",
            "--regularization plain drops them), with --biases r_ij ~ mean + b_i + c_j + w_i.h_j.",
            "Writes model/ (factors as TSV), trace.csv and plots to --out.",
            "Then: smp mf recommend --model DIR --user U --top N."})
final class MfCommand implements Callable<Integer>, ClusterJob {
    @Option(names = "--ratings", paramLabel = "FILE",
            description = "Training ratings: MovieLens ratings.dat (::), u.data (tab), CSV (user,item,rating[,timestamp], header optional) or MatrixMarket; .gz/.xz read transparently.")
    Path ratings;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, movielens, tsv, csv or mm (default: ${DEFAULT-VALUE}: from the first line).")
    String format;

    @ArgGroup(exclusive = true)
    Evaluation evaluation;

    static final class Evaluation {
        @Option(names = "--test", paramLabel = "FILE",
                description = "Test ratings (same formats); users and items not in the training data are skipped and counted.")
        Path test;

        @Option(names = "--test-fraction", paramLabel = "F",
                description = "Hold out this fraction of the ratings for testing (seeded by --seed).")
        Double testFraction;
    }

    @Option(names = "--split", paramLabel = "HOW", defaultValue = "random",
            description = "How --test-fraction holds out: random (over all ratings) or per-user (that fraction of each user's ratings) (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--rank", paramLabel = "R", defaultValue = "10", description = "Latent factors (default: ${DEFAULT-VALUE}).")
    int rank;

    @Option(names = "--lambda", paramLabel = "L", defaultValue = "0.05", description = "L2 penalty (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--regularization", paramLabel = "KIND", defaultValue = "weighted",
            description = "weighted (penalty of each factor times its number of ratings, as ALS-WR and Spark ALS) or plain (default: ${DEFAULT-VALUE}).")
    String regularization;

    @Option(names = "--biases", description = "Also fit the global mean and user and item biases.")
    boolean biases;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "20",
            description = "Outer iterations: CCD++ sweeps over all factors (rotation) or SGD epochs (hogwild) (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--inner", paramLabel = "T", defaultValue = "3",
            description = "CCD++ alternations per factor and iteration (default: ${DEFAULT-VALUE}).")
    int inner;


    @Option(names = "--scheduler", paramLabel = "NAME", defaultValue = "rotation",
            description = "rotation (CCD++, item blocks rotate around the workers) or hogwild (unscheduled parallel SGD, the baseline) (default: ${DEFAULT-VALUE}).")
    String scheduler;


    @Option(names = "--learning-rate", paramLabel = "ETA", defaultValue = "0.03",
            description = "hogwild: SGD step size at epoch 0 (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--decay", paramLabel = "D", defaultValue = "0.05",
            description = "hogwild: step size at epoch e is ETA / (1 + D e^1.5) (default: ${DEFAULT-VALUE}).")
    double decay;

    @Option(names = "--merges-per-epoch", paramLabel = "M", defaultValue = "10",
            description = "hogwild: how often per epoch the workers' item factors are merged (default: ${DEFAULT-VALUE}).")
    int mergesPerEpoch;

    @Option(names = "--tolerance", paramLabel = "EPS", defaultValue = "0",
            description = "Stop when an iteration lowers the objective by less than this fraction; 0 = run all iterations (default: ${DEFAULT-VALUE}).")
    double tolerance;


    @Option(names = "--seed", defaultValue = "1", description = "Seed of the initial factors, the test split and SGD's order (default: ${DEFAULT-VALUE}).")
    long seed;



    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
            description = "Write the fit's state to OUT/checkpoint/mf.ckpt every N iterations and when stopped early (Ctrl-C, a time or iteration limit); 0 for never (default: ${DEFAULT-VALUE}).")
    long checkpointEvery;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", defaultValue = "0",
            description = "Also write it at the first iteration end after S seconds since the last one; 0 for never (default: ${DEFAULT-VALUE}).")
    double checkpointSeconds;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run whose output directory is DIR from its checkpoint (same ratings, options, seed and workers; --iterations, --time-limit and --tolerance may change). The result is the one the uninterrupted run would have given.")
    Path resume;

    @Mixin
    RotationAppOptions run;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @ParentCommand
    SmpCommand parent;

    @Override
    public Integer call() throws IOException {
        if (ratings == null || run.out == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required options: --ratings and --out (or a subcommand: recommend)");
        }
        Prepared p = prepare();
        int workers = run.workers();
        // Refused here, before the run directory exists, if it cannot fit (the trainer checks again).
        MemoryBudget.require(MfTrainer.estimateBytes(p.train(), p.test(), p.config(), workers), String.format(Locale.ROOT,
                "matrix factorization of rank %d on %d ratings (%d workers, %s)", p.config().rank(), p.train().size(),
                workers, p.config().method().cliName()));
        ProgressReporter progress = output.reporter("mf");
        RunDirectory.writeStart(spec, run.out);
        Checkpointing<RunSnapshot> checkpointing = new Checkpointing<>(checkpointEvery, checkpointSeconds, p.start(),
                p.priorTrace(), p.compatibility());
        new MfRun(p.config(), parent.runtimes().create(workers, this), progress)
                .execute(p.train(), p.test(), run.out, System.out, checkpointing);
        return SmpCommand.EXIT_OK;
    }

    @Override
    public SmpProgram<?, ?, ?> program() throws IOException {
        Prepared p = prepare();
        return new MfTrainer(p.config()).program(p.train(), p.test());
    }

    @Override
    public List<Path> inputs() {
        return JobDescription.existing(ratings, evaluation == null ? null : evaluation.test);
    }

    /** The configuration and data of a run, as both the run and a cluster worker build them. */
    private record Prepared(MfConfig config, Ratings train, Ratings test, RunSnapshot start, String priorTrace,
                            String compatibility) {
    }

    private Prepared prepare() throws IOException {
        MfMethod method = MfMethod.parse(scheduler);
        run.requireRotation(method == MfMethod.ROTATION, method.cliName());
        MfConfig config = MfConfig.builder().rank(rank).lambda(lambda).regularization(regularization())
                .biases(biases).method(method).iterations(iterations).innerIterations(inner)
                .blocksPerWorker(run.blocksPerWorker).tolerance(tolerance).learningRate(learningRate).decay(decay)
                .mergesPerEpoch(mergesPerEpoch).seed(seed).timeLimitSeconds(run.timeLimit).verifyWireFormats(run.verifyWire)
                .build();
        if (config.iterations() < 1) {
            throw new IllegalArgumentException("--iterations must be at least 1, got " + iterations);
        }
        boolean perUser = switch (split.trim().toLowerCase(Locale.ROOT)) {
            case "random" -> false;
            case "per-user" -> true;
            default -> throw new IllegalArgumentException("--split must be random or per-user, got '" + split + "'");
        };
        RatingsReader.Options read = RatingsReader.Options.defaults()
                .withFormat(format.equalsIgnoreCase("auto") ? null : RatingsFormat.parse(format));
        Ratings trainData = RatingsReader.read(ratings, read);
        Ratings testData = null;
        if (evaluation != null && evaluation.test != null) {
            testData = RatingsReader.read(evaluation.test,
                    read.withIdsOf(trainData).withUnknownIds(RatingsReader.UnknownIds.SKIP));
        } else if (evaluation != null && evaluation.testFraction != null) {
            RatingsSplit.Split s = perUser ? RatingsSplit.perUser(trainData, evaluation.testFraction, seed)
                    : RatingsSplit.random(trainData, evaluation.testFraction, seed);
            trainData = s.train();
            testData = s.test();
        }
        if (checkpointEvery < 0 || !(checkpointSeconds >= 0) || Double.isInfinite(checkpointSeconds)) {
            throw new IllegalArgumentException("--checkpoint-every and --checkpoint-seconds must be >= 0");
        }
        String compatibility = MfCheckpoints.compatibility(trainData, testData, config, run.workers());
        if (resume == null) {
            return new Prepared(config, trainData, testData, null, "", compatibility);
        }
        CheckpointFile.Saved<RunSnapshot> saved = CheckpointOptions.readCompatible(
                CheckpointOptions.file(resume, MfCheckpoints.KIND), MfCheckpoints.KIND, RunSnapshot::read,
                compatibility);
        return new Prepared(config, trainData, testData, saved.state(), saved.extra(), compatibility);
    }

    private Regularization regularization() {
        return switch (regularization.trim().toLowerCase(Locale.ROOT)) {
            case "weighted" -> Regularization.WEIGHTED;
            case "plain", "unweighted" -> Regularization.UNWEIGHTED;
            default -> throw new IllegalArgumentException("--regularization must be weighted or plain, got '"
                    + regularization + "'");
        };
    }
}
