package org.smpframe.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.smpframe.api.SmpProgram;
import org.smpframe.data.InputException;
import picocli.CommandLine;

/**
 * What a cluster's workers are told to build: the app's command line, plus the size and CRC-32C of every input
 * file as the coordinator read it. A worker parses the same command line, refuses to go on if its copy of an
 * input differs, and builds the program the command would run.
 */
final class JobDescription {
    private JobDescription() {
    }

    static byte[] encode(List<String> appArgs, List<Path> inputs) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(appArgs.size());
            for (String a : appArgs) {
                out.writeUTF(a);
            }
            out.writeInt(inputs.size());
            for (Path p : inputs) {
                out.writeUTF(p.toString());
                out.writeLong(Files.size(p));
                out.writeLong(crc(p));
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On a worker: parses the job's command line, checks the inputs and builds the program. */
    static SmpProgram<?, ?, ?> build(byte[] job) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(job));
        int n = in.readInt();
        String[] args = new String[n];
        for (int i = 0; i < n; i++) {
            args[i] = in.readUTF();
        }
        CommandLine cli = SmpCommand.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        if (!(parsed.commandSpec().userObject() instanceof ClusterJob command)) {
            throw new IllegalArgumentException("'" + String.join(" ", args) + "' is not an app that runs on a cluster");
        }
        int files = in.readInt();
        for (int i = 0; i < files; i++) {
            Path p = Path.of(in.readUTF());
            long size = in.readLong();
            long crc = in.readLong();
            if (!Files.isReadable(p)) {
                throw new InputException(p.toString(), 0, "the coordinator's input file cannot be read on this worker"
                        + " (every worker reads the data itself: give a path valid on every machine)");
            }
            if (Files.size(p) != size || crc(p) != crc) {
                throw new InputException(p.toString(), 0, "this worker's copy differs from the coordinator's (size "
                        + Files.size(p) + " vs " + size + " bytes, or content)");
            }
        }
        return command.program();
    }

    private static long crc(Path p) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(p)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                crc.update(buf, 0, r);
            }
        }
        return crc.getValue();
    }

    static List<Path> existing(Path... paths) {
        List<Path> list = new ArrayList<>();
        for (Path p : paths) {
            if (p != null) {
                list.add(p);
            }
        }
        return list;
    }
}
