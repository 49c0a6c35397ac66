package org.smpframe.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The examples compile (they are main code of this module) and run on the bundled data. */
class ExamplesTest {

    @FunctionalInterface
    private interface Main {
        void run(String[] args) throws Exception;
    }

    private static String run(Main main, String data) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.run(new String[] {data}); // Maven runs the tests in the module directory: data is one level up
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lassoExampleFitsTheWholePath() throws Exception {
        String out = run(LassoExample::main, "../data/diabetes.libsvm");
        assertThat(out.lines().filter(l -> l.endsWith("true"))).hasSize(10);
        assertThat(out).contains("intercept").contains("coefficients:");
    }

    @Test
    void logRegExampleConvergesAndRoundTripsItsModel() throws Exception {
        String out = run(LogRegExample::main, "../data/breast_cancer.libsvm");
        assertThat(out).contains("converged true").contains("saved in liblinear format");
        String summary = out.lines().filter(l -> l.startsWith("converged")).findFirst().orElseThrow();
        double accuracy = Double.parseDouble(summary.replaceAll(".*accuracy ([0-9.]+).*", "$1"));
        assertThat(accuracy).isGreaterThan(0.95);
    }

    @Test
    void mfExampleReachesTheNoiseLevelAndRecommends() throws Exception {
        String out = run(MfExample::main, "../data/synthetic-ratings.csv");
        assertThat(out.lines().filter(l -> l.startsWith("iteration"))).hasSize(20);
        String summary = out.lines().filter(l -> l.startsWith("train RMSE")).findFirst().orElseThrow();
        double test = Double.parseDouble(summary.replaceAll(".*test RMSE ([0-9.]+).*", "$1"));
        assertThat(test).isLessThan(0.45); // noise 0.3, about 25 ratings per user (data/README.md)
        assertThat(out).contains("top 3 unrated items for u42: i");
    }

    @Test
    void ldaExampleFindsTheEightBandsOfWords() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            LdaExample.main(new String[] {"../data/synthetic-lda.dat", "../data/synthetic-lda.vocab"});
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(out.lines().filter(l -> l.startsWith("iteration"))).hasSize(5);
        // Every topic's top words come from one band w(50k) .. w(50k+49) of the generating topics.
        java.util.Set<Integer> bands = new java.util.HashSet<>();
        for (String line : out.lines().filter(l -> l.startsWith("topic")).toList()) {
            java.util.Set<Integer> inLine = new java.util.HashSet<>();
            for (String w : line.substring(line.indexOf(':') + 1).trim().split(" ")) {
                inLine.add(Integer.parseInt(w.substring(1)) / 50);
            }
            assertThat(inLine).as(line).hasSize(1);
            bands.addAll(inLine);
        }
        assertThat(bands).hasSize(8);
    }
}
