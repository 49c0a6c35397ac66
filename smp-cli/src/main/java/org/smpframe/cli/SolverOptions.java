package org.smpframe.cli;

import org.smpframe.linear.CoordinateSchedulers;
import org.smpframe.linear.Layout;
import org.smpframe.schedulers.SchedulerSettings;
import picocli.CommandLine.Option;

/** Options every coordinate-descent app shares: workers, scheduler, pipeline and limits. */
final class SolverOptions {
    @Option(names = "--workers", paramLabel = "P", description = "Worker threads (default: the number of cores).")
    Integer workers;

    @Option(names = "--layout", paramLabel = "rows|features|auto", defaultValue = "auto",
            description = "How the problem is spread over the workers. features: every worker checks some columns "
                    + "and updates the coordinates it is given one after another (Gauss-Seidel), the fastest layout "
                    + "for most data; rows: each worker holds some rows and every update sums a partial from all of "
                    + "them, for tall data (lasso: with --updates covariance). auto: for lasso rows when rows >= 50 x "
                    + "features and features <= 500, else features; for logreg features, measured faster on every "
                    + "shape (default: ${DEFAULT-VALUE}; config.json records the choice).")
    String layout;

    @Option(names = "--scheduler", paramLabel = "NAME", defaultValue = "smp",
            description = "smp (features layout: working sets of the coordinates violating optimality, correlated "
                    + "columns on one worker; rows layout: priorities + dependency filter, see --rho), random "
                    + "(Shotgun) or cyclic (default: ${DEFAULT-VALUE}).")
    String scheduler;

    @Option(names = "--block-size", paramLabel = "L",
            description = "Rows layout: coordinates updated per round (default: 32 for lasso, 16 for logreg). Features "
                    + "layout: coordinates each worker updates per round with random or cyclic (default: all it holds, "
                    + "one sweep a round); smp picks its working set itself.")
    Integer blockSize;

    @Option(names = "--rho", paramLabel = "RHO|off",
            description = "Dependency threshold of the smp scheduler: coordinates updated together have |correlation| below it; off keeps the priorities and drops the filter (default: 0.1 for lasso, where correlated coordinates updated together can diverge; off for logreg, whose line search guards against them).")
    String rho;

    @Option(names = "--eta",
            description = "Priority floor of the smp scheduler as a fraction of the mean nonzero priority (default: 0.01 for lasso, 0.1 for logreg).")
    Double eta;

    @Option(names = "--candidates", paramLabel = "FACTOR",
            description = "The smp scheduler samples FACTOR * block-size candidates before its dependency filter (default: 4 for lasso, 1 for logreg).")
    Integer candidateFactor;

    @Option(names = "--warmup-sweeps", paramLabel = "SWEEPS", defaultValue = "1",
            description = "Updates per coordinate, on average, before the smp scheduler trusts its priorities (default: ${DEFAULT-VALUE}).")
    double warmupSweeps;

    @Option(names = "--pipeline-depth", paramLabel = "S",
            description = "Rounds the scheduler may run ahead of the committed model; 0 = synchronous (default: 0, "
                    + "except 1 for lasso in the rows layout).")
    Integer pipelineDepth;

    @Option(names = "--max-rounds", defaultValue = "10000000", description = "Round limit per lambda (default: ${DEFAULT-VALUE}).")
    long maxRounds;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "0",
            description = "Solver time limit per lambda, 0 for none (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--eval-every", paramLabel = "ROUNDS", defaultValue = "0",
            description = "Rounds between evaluations of the objective; 0 = about once per p coordinate updates.")
    int evalEvery;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the scheduler (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--verify-wire", description = "Encode and decode every message, as a distributed run would (slower).")
    boolean verifyWire;

    /** Checks the options that fail without data (a mistyped --rho or --layout), before any data is read. */
    void checkEarly() {
        if (rho != null) {
            rho();
        }
        Layout.parse(layout, 1, 1);
    }

    /**
     * The layout asked for, or {@code autoChoice} (the app's rule for the data's shape) for auto, recorded in
     * {@link #layout} so that config.json says what ran.
     */
    Layout resolveLayout(Layout autoChoice) {
        Layout chosen = Layout.parse(layout, autoChoice);
        layout = chosen.label();
        return chosen;
    }

    /**
     * Fills every option the user left unset with the app's default, so that the options (and the config.json
     * written from them) say exactly what ran: a repeat on a machine with another core count uses as many workers.
     */
    SolverOptions resolve(int defaultBlockSize, String defaultRho, double defaultEta, int defaultCandidateFactor,
                          int defaultDepth) {
        if (workers == null) {
            workers = Runtime.getRuntime().availableProcessors();
        }
        if (blockSize == null) {
            blockSize = defaultBlockSize;
        }
        if (rho == null) {
            rho = defaultRho;
        }
        rho(); // a mistyped --rho fails here, before any data is read
        if (eta == null) {
            eta = defaultEta;
        }
        if (candidateFactor == null) {
            candidateFactor = defaultCandidateFactor;
        }
        if (pipelineDepth == null) {
            pipelineDepth = defaultDepth;
        }
        return this;
    }

    /**
     * Checks what would otherwise only fail once the run has started (and written its run directory): the
     * worker count and the scheduler's name and settings.
     */
    void validate(Layout layout) {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
        }
        // Unknown names, the rotation and invalid settings fail here.
        CoordinateSchedulers.create(scheduler, scheduling(), layout);
    }

    /** The scheduler settings; call {@link #resolve} first. */
    SchedulerSettings scheduling() {
        return SchedulerSettings.builder().blockSize(blockSize).rho(rho()).etaFraction(eta)
                .candidateFactor(candidateFactor).warmupSweeps(warmupSweeps).build();
    }

    /** ρ from --rho: a number, or "off" for {@link SchedulerSettings#NO_FILTER}. */
    private double rho() {
        if (rho.equals("off")) {
            return SchedulerSettings.NO_FILTER;
        }
        double value;
        try {
            value = Double.parseDouble(rho);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("--rho must be a number > 0 or off, got '" + rho + "'");
        }
        return value;
    }

    int workers() {
        return workers != null ? workers : Runtime.getRuntime().availableProcessors();
    }
}
