package org.smpframe.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smpframe.api.MemoryBudget;
import org.smpframe.api.SmpProgram;
import org.smpframe.data.Corpus;
import org.smpframe.data.InputException;
import org.smpframe.lda.LdaCheckpoint;
import org.smpframe.lda.LdaConfig;
import org.smpframe.lda.LdaMethod;
import org.smpframe.lda.LdaTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code smp lda}: train a topic model; {@code smp lda infer} applies one to new documents. */
@Command(name = "lda", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = LdaInferCommand.class,
        description = {
            "Train an LDA topic model, scheduled model-parallel (vocabulary blocks rotate).",
            "Collapsed Gibbs sampling with the SparseLDA sampler; the joint log-likelihood",
            "log p(w, z) is traced. Writes model/ (word-topic counts, top words, document",
            "topics), trace.csv and plots to --out. Then: smp lda infer --model DIR ..."})
final class LdaCommand implements Callable<Integer>, ClusterJob {
    @Mixin
    CorpusOptions input;

    @Option(names = "--topics", paramLabel = "K", defaultValue = "100", description = "Number of topics (default: ${DEFAULT-VALUE}).")
    int topics;

    @Option(names = "--alpha", paramLabel = "A",
            description = "Symmetric document-topic prior, per topic (default: 50/K).")
    Double alpha;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "0.01", description = "Symmetric topic-word prior (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "200", description = "Gibbs sweeps (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--eval-every", paramLabel = "N", defaultValue = "10",
            description = "Compute the log-likelihood every N iterations (default: ${DEFAULT-VALUE}).")
    int evalEvery;


    @Option(names = "--scheduler", paramLabel = "NAME", defaultValue = "rotation",
            description = "rotation (vocabulary blocks rotate around the workers) or data-parallel (AD-LDA: every worker samples all words against a copy merged once per iteration; the baseline) (default: ${DEFAULT-VALUE}).")
    String scheduler;


    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Hold out this fraction of the documents and report their perplexity by document completion.")
    Double testFraction;

    @Option(names = "--top-words", paramLabel = "N", defaultValue = "20", description = "Words per topic in top_words.txt (default: ${DEFAULT-VALUE}).")
    int topWords;


    @Option(names = "--seed", defaultValue = "1", description = "Seed of the initial topics, the samplers and the test split (default: ${DEFAULT-VALUE}).")
    long seed;



    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
            description = "Write the chain's state to OUT/checkpoint/lda.ckpt every N iterations (a multiple of --eval-every), when stopped early and at the end; 0 for never (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", defaultValue = "0",
            description = "Also write it at the first iteration end after S seconds of sampling since the last one; 0 for never (default: ${DEFAULT-VALUE}).")
    double checkpointSeconds;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run whose output directory is DIR from its checkpoint (same corpus, options, seed and workers; --iterations may be raised). The result is the one the uninterrupted run would have given.")
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
        if (input.corpus == null || run.out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required options: --corpus and --out (or a subcommand: infer)");
        }
        Prepared p = prepare();
        int workers = run.workers();
        Checkpointing<LdaCheckpoint> checkpointing = new Checkpointing<>(checkpointEvery, checkpointSeconds, p.start(),
                p.start() == null ? "" : p.priorTrace(), LdaCheckpoint.compatibility(p.train(), p.config(), workers));
        // Refused here, before the run directory exists, if it cannot fit (the trainer checks again).
        MemoryBudget.require(LdaTrainer.estimateBytes(p.train(), p.config(), workers), String.format(java.util.Locale.ROOT,
                "LDA with %d topics on %d tokens (%d workers, %s)", p.config().topics(), p.train().numTokens(), workers,
                p.config().method().cliName()));
        ProgressReporter progress = output.reporter("lda");
        RunDirectory.writeStart(spec, run.out);
        new LdaRun(p.config(), parent.runtimes().create(workers, this), topWords, progress)
                .execute(p.train(), p.test(), run.out, System.out, checkpointing);
        return SmpCommand.EXIT_OK;
    }

    @Override
    public SmpProgram<?, ?, ?> program() throws IOException {
        Prepared p = prepare();
        return new LdaTrainer(p.config()).program(p.train(), p.start());
    }

    @Override
    public List<Path> inputs() {
        return JobDescription.existing(input.corpus, input.vocab,
                resume == null ? null : LdaRun.checkpointFile(resume));
    }

    /** The configuration and data of a run, as both the run and a cluster worker build them. */
    private record Prepared(LdaConfig config, Corpus train, Corpus test, LdaCheckpoint start, String priorTrace) {
    }

    private Prepared prepare() throws IOException {
        LdaMethod method = LdaMethod.parse(scheduler);
        run.requireRotation(method == LdaMethod.ROTATION, method.cliName());
        if (topWords < 1) {
            throw new IllegalArgumentException("--top-words must be at least 1, got " + topWords);
        }
        if (alpha != null && alpha.isNaN()) {
            throw new IllegalArgumentException("--alpha must be a number (leave it out for 50/K)");
        }
        LdaConfig config = LdaConfig.builder().topics(topics).alpha(alpha == null ? Double.NaN : alpha).beta(beta)
                .method(method).iterations(iterations).evaluateEvery(evalEvery)
                .blocksPerWorker(run.blocksPerWorker).seed(seed).timeLimitSeconds(run.timeLimit)
                .verifyWireFormats(run.verifyWire).build();
        Corpus corpus = input.read();
        Corpus train = corpus;
        Corpus test = null;
        if (testFraction != null) {
            Corpus[] split = corpus.split(testFraction, seed);
            train = split[0];
            test = split[1];
        }
        if (checkpointEvery < 0 || (checkpointEvery > 0 && checkpointEvery % evalEvery != 0)) {
            throw new IllegalArgumentException("--checkpoint-every must be 0 or a multiple of --eval-every ("
                    + evalEvery + "), got " + checkpointEvery);
        }
        if (!(checkpointSeconds >= 0) || Double.isInfinite(checkpointSeconds)) {
            throw new IllegalArgumentException("--checkpoint-seconds must be a finite number >= 0, got "
                    + checkpointSeconds);
        }
        if (resume == null) {
            return new Prepared(config, train, test, null, null);
        }
        Path file = LdaRun.checkpointFile(resume);
        LdaCheckpoint.Saved saved = LdaCheckpoint.read(file);
        String now = LdaCheckpoint.compatibility(train, config, run.workers());
        if (!saved.compatibility().equals(now)) {
            throw new InputException(file.toString(), 0, "the checkpoint belongs to another run: it was written for '"
                    + saved.compatibility() + "', this run is '" + now + "'");
        }
        return new Prepared(config, train, test, saved.checkpoint(), saved.extra());
    }
}
