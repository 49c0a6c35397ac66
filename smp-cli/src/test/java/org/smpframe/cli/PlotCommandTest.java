package org.smpframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smpframe.cli.CliOutcome.run;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smpframe.data.LibSvmWriter;
import org.smpframe.logreg.LogisticDesign;
import org.w3c.dom.Element;

/** Convergence plots: written by every run and by {@code smp plot}, as valid PNG and SVG of the stated size. */
class PlotCommandTest {
    @TempDir
    Path dir;

    private Path runLogReg(String name, String scheduler) throws IOException {
        Path data = dir.resolve("data.svm");
        if (!Files.exists(data)) {
            LibSvmWriter.write(new LogisticDesign(300, 30, 0.2, 3, 0.5, 6, 1).generate(), data);
        }
        Path out = dir.resolve(name);
        CliOutcome o = run("logreg", "--train", data.toString(), "--lambda", "0.005", "--scheduler", scheduler,
                "--eval-every", "1", "--out", out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        return out;
    }

    static void assertPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("%s decodes as an image", file).isNotNull();
        assertThat(image.getWidth()).isEqualTo(TracePlot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(TracePlot.HEIGHT);
        assertThat(Files.size(file)).isGreaterThan(5_000); // axes, labels and a curve, not an empty canvas
    }

    static void assertSvg(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The SVG names the W3C DTD; parse without fetching it (no network in tests).
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(Double.parseDouble(root.getAttribute("width").replaceAll("[^0-9.]", ""))).isEqualTo(TracePlot.WIDTH);
        assertThat(Double.parseDouble(root.getAttribute("height").replaceAll("[^0-9.]", ""))).isEqualTo(TracePlot.HEIGHT);
        assertThat(root.getElementsByTagName("path").getLength() + root.getElementsByTagName("polyline").getLength())
                .isPositive();
    }

    @Test
    void everyRunWritesItsPlotsAsPngAndSvg() throws Exception {
        Path out = runLogReg("run", "smp");
        for (String axis : new String[] {"time", "round"}) {
            assertPng(out.resolve("objective-vs-" + axis + ".png"));
            assertSvg(out.resolve("objective-vs-" + axis + ".svg"));
        }
    }

    @Test
    void plotOverlaysRunsWithSuboptimalityOnALogScale() throws Exception {
        Path a = runLogReg("smp-run", "smp").resolve("trace.csv");
        Path b = runLogReg("random-run", "random").resolve("trace.csv");
        double best = Math.min(TracePlot.read(a, "a").objective()[TracePlot.read(a, "a").objective().length - 1],
                TracePlot.read(b, "b").objective()[TracePlot.read(b, "b").objective().length - 1]);
        Path png = dir.resolve("cmp.png");
        Path svg = dir.resolve("cmp.svg");
        CliOutcome o = run("plot", a.toString(), b.toString(), "--optimum", Double.toString(best - 1e-6),
                "--x", "round", "--out", png.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertPng(png);
        assertThat(run("plot", a.toString(), b.toString(), "--labels", "smp,random", "--out", svg.toString())
                .exitCode()).isZero();
        assertSvg(svg); // (its text is drawn as glyph outlines, so the legend cannot be read back from it)
    }

    @Test
    void aBrokenTraceIsRefusedWithItsLineAndNoPlotIsWritten() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "seconds,round,objective\n0.1,1,0.5\n0.2,2,oops\n");
        Path png = dir.resolve("never.png");
        CliOutcome o = run("plot", bad.toString(), "--out", png.toString());
        assertThat(o.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("bad.csv:3: objective 'oops' is not a number");
        assertThat(png).doesNotExist();
        CliOutcome wrongExt = run("plot", runLogReg("r", "smp").resolve("trace.csv").toString(), "--out",
                dir.resolve("plot.gif").toString());
        assertThat(wrongExt.exitCode()).isEqualTo(SmpCommand.EXIT_BAD_INPUT);
        assertThat(wrongExt.err()).contains("must end in .png or .svg");
    }
}
