package org.smpframe.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.InputException;

/**
 * Convergence plots (XChart) from the trace.csv files the apps write: objective against solver seconds or
 * rounds, several runs overlaid with a legend, and, given the optimum f*, the suboptimality F − f* on a log
 * scale. PNG or SVG by the file's extension, written atomically.
 */
final class TracePlot {
    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    /** Points drawn per series at most. */
    static final int MAX_POINTS = 1000;

    static {
        // Rendering to files only: no display needed, and none is there on a server or in CI.
        System.setProperty("java.awt.headless", "true");
        // PNGs are encoded in memory: ImageIO's file cache registers a shutdown hook per stream, which fails when
        // the plots of a run stopped by Ctrl-C are written while the JVM shuts down.
        ImageIO.setUseCache(false);
    }

    /** What the x axis shows. */
    enum Axis {
        TIME("seconds", "solver time (s)"),
        ROUND("round", "round");

        final String column;
        final String title;

        Axis(String column, String title) {
            this.column = column;
            this.title = title;
        }
    }

    /** One trace: its legend label and its columns. */
    record Trace(String label, double[] seconds, double[] rounds, double[] objective) {
        double[] x(Axis axis) {
            return axis == Axis.TIME ? seconds : rounds;
        }
    }

    private TracePlot() {
    }

    /** Reads a trace.csv written by smp lasso or smp logreg (any CSV with seconds, round, objective columns). */
    static Trace read(Path file, String label) throws IOException {
        String source = file.toString();
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (NoSuchFileException e) {
            throw new InputException(source, 0, "no such file");
        } catch (java.io.UncheckedIOException e) {
            throw new InputException(source, 0, "not a text file (" + e.getCause().getMessage() + ")");
        }
        if (lines.isEmpty()) {
            throw new InputException(source, 0, "empty file: expected a header line with seconds, round, objective");
        }
        List<String> header = Arrays.asList(lines.get(0).trim().split(",", -1));
        int sec = column(header, "seconds", source);
        int round = column(header, "round", source);
        int obj = column(header, "objective", source);
        int n = 0;
        double[] s = new double[lines.size()];
        double[] r = new double[lines.size()];
        double[] f = new double[lines.size()];
        for (int k = 1; k < lines.size(); k++) {
            String line = lines.get(k);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.size()) {
                throw new InputException(source, k + 1, cells.length + " fields, the header has " + header.size());
            }
            s[n] = number(cells[sec], source, k + 1, "seconds");
            r[n] = number(cells[round], source, k + 1, "round");
            f[n] = number(cells[obj], source, k + 1, "objective");
            n++;
        }
        if (n == 0) {
            throw new InputException(source, 1, "no data lines after the header");
        }
        return new Trace(label, Arrays.copyOf(s, n), Arrays.copyOf(r, n), Arrays.copyOf(f, n));
    }

    private static int column(List<String> header, String name, String source) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new InputException(source, 1, "no '" + name + "' column in the header " + header);
        }
        return i;
    }

    private static double number(String cell, String source, long line, String what) {
        try {
            double v = Double.parseDouble(cell.trim());
            if (!Double.isFinite(v)) {
                throw new InputException(source, line, what + " is " + cell.trim() + ", not a finite number");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(source, line, what + " '" + cell + "' is not a number");
        }
    }

    /**
     * The chart of {@code traces} against {@code axis}; with a finite {@code optimum}, F − f* on a log scale
     * (points at or below the optimum are left out: a log axis cannot show them).
     */
    static XYChart chart(List<Trace> traces, Axis axis, double optimum, String title) {
        boolean suboptimality = Double.isFinite(optimum);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(axis.title)
                .yAxisTitle(suboptimality ? "objective − f*" : "objective").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisLogarithmic(suboptimality);
        chart.getStyler().setYAxisDecimalPattern(suboptimality ? "0.0E0" : "#,##0.0####");
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (Trace t : traces) {
            double[] x = t.x(axis);
            double[] y = t.objective().clone();
            int n = 0;
            double[] xs = new double[x.length];
            double[] ys = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double v = suboptimality ? y[i] - optimum : y[i];
                if (!suboptimality || v > 0) {
                    xs[n] = x[i];
                    ys[n] = v;
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            if (n > MAX_POINTS) {
                // A long run evaluates thousands of times; 1000 points draw the same curve in a fraction of the
                // file (an SVG draws every point). The last point is always kept: it is where the run ended.
                int stride = (n + MAX_POINTS - 1) / MAX_POINTS;
                int kept = 0;
                for (int i = 0; i < n; i += stride) {
                    xs[kept] = xs[i];
                    ys[kept] = ys[i];
                    kept++;
                }
                if ((n - 1) % stride != 0) {
                    xs[kept] = xs[n - 1];
                    ys[kept] = ys[n - 1];
                    kept++;
                }
                n = kept;
            }
            XYSeries series = chart.addSeries(uniqueLabel(chart, t.label()), Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
            series.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static String uniqueLabel(XYChart chart, String label) {
        String l = label;
        for (int k = 2; chart.getSeriesMap().containsKey(l); k++) {
            l = label + " (" + k + ")";
        }
        return l;
    }

    /** Writes {@code chart} as PNG or SVG, chosen by the file name's extension. */
    static void write(XYChart chart, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            AtomicFiles.writeBytes(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        } else if (name.endsWith(".svg")) {
            AtomicFiles.writeBytes(file, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        } else {
            throw new IllegalArgumentException(file + ": the plot's file name must end in .png or .svg");
        }
    }

    /**
     * The plots every run writes next to its trace: objective against time and against rounds, each as PNG and
     * SVG ({@code objective-vs-time.png} ...).
     */
    static List<Path> writeRunPlots(Path trace, String title) throws IOException {
        Trace t = read(trace, title);
        List<Path> written = new ArrayList<>();
        for (Axis axis : Axis.values()) {
            XYChart chart = chart(List.of(t), axis, Double.NaN, title);
            for (String ext : new String[] {"png", "svg"}) {
                Path f = trace.resolveSibling("objective-vs-" + axis.name().toLowerCase(Locale.ROOT) + "." + ext);
                write(chart, f);
                written.add(f);
            }
        }
        return written;
    }
}
