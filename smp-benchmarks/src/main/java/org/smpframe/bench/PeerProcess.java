package org.smpframe.bench;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.smpframe.data.CsrMatrix;

/**
 * Runs a peer tool (scikit-learn through {@code /usr/bin/python3}, glmnet through {@code Rscript}, C liblinear's
 * {@code liblinear-train}) as a child process of the benchmark, on data written to a scratch file, and returns its
 * standard output. Peers are never dependencies: a missing one is reported as such and its columns are skipped.
 */
final class PeerProcess {
    /** Longest a peer may run for one problem. */
    static final long TIMEOUT_SECONDS = 1_800;

    private PeerProcess() {
    }

    /** Null if {@code command} runs and exits 0, else why it is not usable (for the "skipped" message). */
    static String unavailable(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " did not finish in 120 s";
            }
            return p.exitValue() == 0 ? null : String.join(" ", command) + " failed: " + out.strip();
        } catch (IOException e) {
            return command[0] + " is not installed (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Runs {@code command} with one thread for BLAS, returns its stdout; stderr goes to the benchmark's stderr. */
    static String run(List<String> command) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        // One thread everywhere: the comparison is per core, and the peers' BLAS would otherwise use both.
        b.environment().put("OPENBLAS_NUM_THREADS", "1");
        b.environment().put("OMP_NUM_THREADS", "1");
        b.environment().put("MKL_NUM_THREADS", "1");
        Process p = b.start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue());
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Writes a script resource of this package to a scratch file, for the peer's interpreter. */
    static Path script(String resource, Path dir) throws IOException {
        Path file = dir.resolve(resource);
        try (InputStream in = PeerProcess.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("benchmark script " + resource + " is missing from the jar");
            }
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /**
     * Writes X (n × p, column after column) and then y as little-endian doubles: the peers read them with
     * numpy.fromfile and readBin, without parsing text.
     */
    static Path writeDense(CsrMatrix x, double[] y, Path file) throws IOException {
        int n = x.numRows;
        int p = x.numCols;
        double[][] cols = new double[p][n];
        for (int i = 0; i < n; i++) {
            for (int e = x.rowPtr[i]; e < x.rowPtr[i + 1]; e++) {
                cols[x.colIdx[e]][i] = x.values[e];
            }
        }
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ByteBuffer b = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] col : cols) {
                b.clear();
                for (double v : col) {
                    b.putDouble(v);
                }
                out.write(b.array(), 0, 8 * n);
            }
            b.clear();
            for (double v : y) {
                b.putDouble(v);
            }
            out.write(b.array(), 0, 8 * n);
        }
        return file;
    }

    /** The lines of a peer's output that start with {@code tag}, split on blanks (the tag dropped). */
    static List<String[]> rows(String output, String tag) {
        List<String[]> rows = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 1 && f[0].equals(tag)) {
                String[] rest = new String[f.length - 1];
                System.arraycopy(f, 1, rest, 0, rest.length);
                rows.add(rest);
            }
        }
        return rows;
    }

    /** Writes {@code text} to a scratch file. */
    static Path writeText(Path file, String text) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
