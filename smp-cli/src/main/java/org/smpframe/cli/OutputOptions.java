package org.smpframe.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a run reports its progress on stderr. */
final class OutputOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Repeat a run: take the options from its config.json; options given here override them.")
    Path config;

    @Option(names = "--quiet", description = "No progress output on stderr (errors are still printed).")
    boolean quiet;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Progress on stderr as text (a progress bar on a terminal, log lines otherwise) or json (one JSON object per line) (default: ${DEFAULT-VALUE}).")
    String logFormat;

    ProgressReporter reporter(String app) {
        ProgressReporter.Mode mode;
        if (quiet) {
            mode = ProgressReporter.Mode.QUIET;
        } else if (logFormat.equals("json")) {
            mode = ProgressReporter.Mode.JSON;
        } else if (logFormat.equals("text")) {
            // A bar needs a terminal to redraw in; piped to a file it would be noise.
            mode = System.console() != null ? ProgressReporter.Mode.BAR : ProgressReporter.Mode.LOG;
        } else {
            throw new IllegalArgumentException("--log-format must be text or json, got '" + logFormat + "'");
        }
        return new ProgressReporter(app, mode, System.err);
    }
}
