package org.smpframe.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One run of the {@code smp} command line in this JVM, with what it printed to stdout and stderr ({@code err}:
 * the command line's error writer; {@code stderr}: everything else written to System.err, progress and logs).
 */
record CliOutcome(int exitCode, String out, String err, String stderr) {

    static CliOutcome run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        CommandLine cli = SmpCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(captured, true));
        try {
            int code = SmpCommand.execute(cli, args);
            return new CliOutcome(code, out.toString(StandardCharsets.UTF_8), err.toString(),
                    stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
