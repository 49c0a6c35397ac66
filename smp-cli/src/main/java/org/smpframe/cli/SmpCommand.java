package org.smpframe.cli;

import java.io.PrintWriter;
import org.smpframe.api.DivergenceException;
import org.smpframe.data.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code smp} command. Exit codes: 0 success, 2 bad input or usage (the message names the file, line and
 * reason), 3 the optimization diverged, 1 internal error.
 */
@Command(name = "smp",
        mixinStandardHelpOptions = true,
        versionProvider = SmpCommand.Version.class,
        description = "Scheduled model-parallel machine learning.",
        subcommands = {LassoCommand.class, LogRegCommand.class, MfCommand.class, LdaCommand.class, PredictCommand.class, PlotCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:bad input or usage (file, line and reason are printed)",
            "3:the optimization diverged (the message says which setting to change)", "1:internal error"})
public final class SmpCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_DIVERGED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int execute(String... args) {
        return execute(commandLine(), args);
    }

    /** Runs {@code args} on {@code cli} (from {@link #commandLine}), with {@code --config FILE} expanded first. */
    static int execute(CommandLine cli, String... args) {
        String[] expanded;
        try {
            expanded = RunDirectory.expand(args);
        } catch (InputException e) {
            cli.getErr().println("smp: error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        return cli.execute(expanded);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SmpCommand());
        cli.setExecutionExceptionHandler(SmpCommand::handle);
        // --config FILE puts the file's options first; options given after it on the command line then win.
        cli.setOverwrittenOptionsAllowed(true);
        return cli;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof InputException ie) {
            err.println("smp: error: " + ie.getMessage());
            err.println("smp: nothing was written.");
            return EXIT_BAD_INPUT;
        }
        if (e instanceof DivergenceException) {
            err.println("smp: error: " + e.getMessage());
            return EXIT_DIVERGED;
        }
        if (e instanceof IllegalArgumentException) {
            // Configuration validated at the boundary: a usage problem, not a crash.
            err.println("smp: error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        err.println("smp: internal error: " + e);
        e.printStackTrace(err);
        return EXIT_INTERNAL;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SmpCommand.class.getPackage().getImplementationVersion();
            return new String[] {"smp " + (v == null ? "development build" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
