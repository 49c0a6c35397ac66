package org.smpframe.cli;

import java.nio.file.Path;
import org.smpframe.data.CheckpointFile;
import org.smpframe.data.InputException;
import org.smpframe.linear.PathCheckpoint;
import picocli.CommandLine.Option;

/** Checkpoint and resume options of the coordinate-descent apps (LDA counts its interval in iterations). */
final class CheckpointOptions {
    @Option(names = "--checkpoint-every", paramLabel = "ROUNDS", defaultValue = "0",
            description = "Write the fit's state to OUT/checkpoint/ at the first evaluation after every ROUNDS rounds, at the start of each lambda of a path and when stopped early (Ctrl-C, a time or round limit); 0 for never (default: ${DEFAULT-VALUE}).")
    long every;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", defaultValue = "0",
            description = "Also write it at the first evaluation after S seconds since the last one; 0 for never (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run whose output directory is DIR from its checkpoint (same data, options, seed and workers; --max-rounds, --time-limit and --tolerance may change). The result is the one the uninterrupted run would have given.")
    Path resume;

    /** Where a run directory keeps the checkpoint of {@code app}. */
    static Path file(Path runDirectory, String app) {
        return runDirectory.resolve("checkpoint").resolve(app + ".ckpt");
    }

    /**
     * The path fit's checkpoint to resume from, or null for a fresh run.
     *
     * @throws InputException when it is missing, damaged, or was written for another run ({@code compatibility})
     */
    CheckpointFile.Saved<PathCheckpoint> resumePath(String kind, String compatibility) {
        return resume == null ? null : readCompatible(file(resume, kind), kind, PathCheckpoint::read, compatibility);
    }

    /**
     * The checkpoint of {@code kind} in {@code file}.
     *
     * @throws InputException when it is missing, damaged, or was written for another run ({@code compatibility})
     */
    static <T> CheckpointFile.Saved<T> readCompatible(Path file, String kind, CheckpointFile.Parser<T> parser,
                                                      String compatibility) {
        CheckpointFile.Saved<T> saved = CheckpointFile.read(file, kind, parser);
        if (!saved.compatibility().equals(compatibility)) {
            throw new InputException(file.toString(), 0, "the checkpoint belongs to another run: it was written for '"
                    + saved.compatibility() + "', this run is '" + compatibility + "'");
        }
        return saved;
    }

    void validate() {
        if (every < 0) {
            throw new IllegalArgumentException("--checkpoint-every must be >= 0, got " + every);
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("--checkpoint-seconds must be a finite number >= 0, got " + seconds);
        }
    }
}
