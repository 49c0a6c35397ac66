package org.smpframe.cli;

import java.io.PrintWriter;
import org.smpframe.api.DivergenceException;
import org.smpframe.api.MemoryBudget;
import org.smpframe.data.InputException;
import org.smpframe.runtime.cluster.ClusterException;
import org.smpframe.runtime.cluster.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code smp} command. Exit codes: 0 success, 2 bad input or usage (the message names the file, line and
 * reason), 3 the optimization diverged, 4 out of memory, 1 internal error.
 */
@Command(name = "smp",
        mixinStandardHelpOptions = true,
        versionProvider = SmpCommand.Version.class,
        description = "Scheduled model-parallel machine learning.",
        subcommands = {LassoCommand.class, LogRegCommand.class, MfCommand.class, LdaCommand.class, PredictCommand.class, PlotCommand.class, DemoCommand.class,
            CoordinatorCommand.class, WorkerCommand.class, LaunchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:bad input or usage (file, line and reason are printed)",
            "3:the optimization diverged (the message says which setting to change)",
            "4:out of memory (the message says how much heap to give)",
            "5:cluster failure (a worker or the coordinator was lost, or the cluster did not form)", "1:internal error"})
public final class SmpCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_DIVERGED = 3;
    public static final int EXIT_OUT_OF_MEMORY = 4;
    public static final int EXIT_CLUSTER = ExitCodes.CLUSTER;

    private final RuntimeFactory runtimes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    SmpCommand(RuntimeFactory runtimes) {
        this.runtimes = runtimes;
    }

    /** Where the app subcommands run their programs. */
    RuntimeFactory runtimes() {
        return runtimes;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static void main(String[] args) {
        Interruption.install(System.err);
        System.exit(Interruption.exitCode(execute(args)));
    }

    /**
     * Runs an app's command line {@code args} with its programs on {@code runtimes}, printing where the command
     * {@code spec} prints (for the commands that run apps on a cluster).
     */
    static int executeApp(CommandLine.Model.CommandSpec spec, RuntimeFactory runtimes, java.util.List<String> args) {
        CommandLine cli = commandLine(runtimes);
        cli.setOut(spec.commandLine().getOut());
        cli.setErr(spec.commandLine().getErr());
        return execute(cli, args.toArray(String[]::new));
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
        try {
            return cli.execute(expanded);
        } catch (OutOfMemoryError e) {
            // Outputs are written atomically at the end, so nothing half-written is left behind; say what to do.
            long maxMb = Runtime.getRuntime().maxMemory() >> 20;
            cli.getErr().printf(java.util.Locale.ROOT, "smp: error: out of memory with a %d MB heap; give Java more"
                    + " (e.g. SMP_JAVA_OPTS=-Xmx%dm ./smp ..., or java -Xmx%dm -jar smp.jar ...)%n", maxMb,
                    2 * maxMb, 2 * maxMb);
            cli.getErr().println("smp: no result file was written.");
            return EXIT_OUT_OF_MEMORY;
        }
    }

    static CommandLine commandLine() {
        return commandLine(RuntimeFactory.EMBEDDED);
    }

    /** The command line whose apps run on the runtimes {@code runtimes} creates. */
    static CommandLine commandLine(RuntimeFactory runtimes) {
        CommandLine cli = new CommandLine(new SmpCommand(runtimes));
        for (String launcher : new String[] {"coordinator", "launch"}) {
            // Everything from the app's name on belongs to the app.
            cli.getSubcommands().get(launcher).setStopAtPositional(true);
        }
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
        if (e instanceof MemoryBudget.InsufficientMemoryException) {
            err.println("smp: error: " + e.getMessage());
            return EXIT_OUT_OF_MEMORY;
        }
        if (e instanceof ClusterException) {
            err.println("smp: error: " + e.getMessage());
            return EXIT_CLUSTER;
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
