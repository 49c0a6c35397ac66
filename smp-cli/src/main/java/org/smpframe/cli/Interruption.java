package org.smpframe.cli;

import java.io.PrintStream;
import org.smpframe.api.StopRequest;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM. While a fit runs, the first one stops it at the end of its current round (an
 * iteration for LDA) and the command writes what it has, each file atomically as always; the process then exits
 * with the signal's status (130 for Ctrl-C, 143 for SIGTERM). A second one aborts at once, keeping the last
 * complete outputs and checkpoint. Outside a fit (reading data, say) a signal ends the process at once: nothing
 * has been computed that could be kept.
 *
 * <p>Handled as signals rather than in a shutdown hook: a JVM that has begun shutting down cannot be asked to
 * finish a round first (a second signal would then block on the JDK's shutdown lock, and libraries that add hooks
 * of their own, such as ImageIO's cache, fail).
 */
final class Interruption {
    private static volatile boolean fitting;
    private static volatile int signalStatus;

    private Interruption() {
    }

    static void install(PrintStream err) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> onSignal(128 + s.getNumber(), err));
            } catch (IllegalArgumentException e) {
                // not a signal on this platform: the JVM's default handling stays
            }
        }
    }

    /** A fit is about to start: from now on a signal stops it at a round boundary instead of ending the process. */
    static void fitStarting() {
        fitting = true;
    }

    /** The process's exit code: the signal's status if one stopped the command, else {@code code}. */
    static int exitCode(int code) {
        return signalStatus != 0 ? signalStatus : code;
    }

    private static void onSignal(int status, PrintStream err) {
        if (!fitting) {
            System.exit(status);
        }
        if (signalStatus != 0) {
            err.println("smp: aborted; the last complete outputs and checkpoint are kept");
            System.exit(status);
        }
        signalStatus = status;
        StopRequest.request();
        err.println("smp: stopping at the end of the current round and writing the results so far"
                + " (interrupt again to abort)");
    }
}
