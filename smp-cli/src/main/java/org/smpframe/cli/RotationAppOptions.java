package org.smpframe.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options the rotation apps ({@code smp mf}, {@code smp lda}) share: workers, blocks, limits and output. */
final class RotationAppOptions {
    @Option(names = "--workers", paramLabel = "P", description = "Worker threads (default: the number of cores).")
    Integer workers;

    @Option(names = "--blocks-per-worker", paramLabel = "M", defaultValue = "1",
            description = "Model blocks per worker in the rotation (default: ${DEFAULT-VALUE}).")
    int blocksPerWorker;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "0",
            description = "Solver time limit, 0 for none (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--verify-wire", description = "Encode and decode every message and block, as a distributed run would (slower).")
    boolean verifyWire;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (created if needed).")
    Path out;

    /** Refuses rotation-only options for a method that does not rotate anything. */
    void requireRotation(boolean rotation, String method) {
        if (!rotation && blocksPerWorker != 1) {
            throw new IllegalArgumentException("--blocks-per-worker applies to the rotation only, not to " + method);
        }
    }

    /**
     * The worker count, the machine's cores when not given; it is written back so that config.json says what
     * ran.
     */
    int workers() {
        if (workers == null) {
            workers = Runtime.getRuntime().availableProcessors();
        }
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
        }
        return workers;
    }
}
