package org.smpframe.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smp plot}: overlay the convergence traces of several runs in one chart. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plot the convergence of one or more runs as PNG or SVG.",
            "The objective of each run (its trace.csv) against solver time or rounds,",
            "overlaid with a legend; PNG or SVG by the --out file's extension. With",
            "--optimum, the suboptimality objective - f* on a log scale."})
final class PlotCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "TRACE.csv", description = "trace.csv files written by smp lasso or smp logreg.")
    List<Path> traces;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The plot: FILE.png or FILE.svg.")
    Path out;

    @Option(names = "--x", paramLabel = "AXIS", defaultValue = "time",
            description = "time (solver seconds) or round (default: ${DEFAULT-VALUE}).")
    String x;

    @Option(names = "--optimum", paramLabel = "F", description = "The optimal objective f*: plot objective - f* on a log scale.")
    Double optimum;

    @Option(names = "--labels", split = ",", paramLabel = "LABEL",
            description = "Legend labels, one per trace (default: each trace's directory name).")
    List<String> labels;

    @Option(names = "--title", defaultValue = "convergence", description = "Chart title (default: ${DEFAULT-VALUE}).")
    String title;

    @Override
    public Integer call() throws IOException {
        TracePlot.Axis axis = switch (x) {
            case "time" -> TracePlot.Axis.TIME;
            case "round" -> TracePlot.Axis.ROUND;
            default -> throw new IllegalArgumentException("--x must be time or round, got '" + x + "'");
        };
        if (labels != null && labels.size() != traces.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + traces.size() + " traces");
        }
        List<TracePlot.Trace> read = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            Path t = traces.get(i);
            Path parent = t.toAbsolutePath().getParent();
            String label = labels != null ? labels.get(i)
                    : parent != null && parent.getFileName() != null ? parent.getFileName().toString()
                    : String.valueOf(t.getFileName());
            read.add(TracePlot.read(t, label));
        }
        TracePlot.write(TracePlot.chart(read, axis, optimum != null ? optimum : Double.NaN, title), out);
        System.out.println("written " + out);
        return SmpCommand.EXIT_OK;
    }
}
