package org.smpframe.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smpframe.data.AtomicFiles;
import org.smpframe.data.InputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What a run writes about itself besides its results: {@code config.json}, every option of the command as
 * resolved (defaults included), which {@code --config} reads back to repeat the run; {@code environment.json}
 * (Java, cores, heap, operating system); {@code summary.txt}, the summary also printed on stdout.
 */
final class RunDirectory {
    static final String CONFIG = "config.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunDirectory() {
    }

    /** Writes config.json and environment.json for the command {@code spec} describes, as parsed. */
    static void writeStart(CommandSpec spec, Path out) throws IOException {
        Map<String, Object> options = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            String name = o.longestName();
            if (o.usageHelp() || o.versionHelp() || name.equals("--config")) {
                continue;
            }
            Object value = o.getValue();
            if (value == null || (value instanceof Boolean b && !b)) {
                continue;
            }
            options.put(name, value instanceof Boolean ? Boolean.TRUE : String.valueOf(value));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("command", spec.name());
        config.put("options", options);
        writeJson(out.resolve(CONFIG), config);

        Runtime rt = Runtime.getRuntime();
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("smp", String.valueOf(SmpCommand.class.getPackage().getImplementationVersion()));
        env.put("java", System.getProperty("java.version"));
        env.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("cores", rt.availableProcessors());
        env.put("maxHeapBytes", rt.maxMemory());
        env.put("started", Instant.now().toString());
        writeJson(out.resolve("environment.json"), env);
    }

    private static void writeJson(Path file, Object value) throws IOException {
        String text = JSON.writeValueAsString(value);
        AtomicFiles.write(file, w -> w.write(text + "\n"));
    }

    static void writeSummary(Path out, String summary) throws IOException {
        AtomicFiles.write(out.resolve("summary.txt"), w -> w.write(summary));
    }

    /**
     * {@code args} with {@code --config FILE} replaced by the options of that file, placed before the other
     * arguments so that options given on the command line override the file's.
     */
    static String[] expand(String[] args) {
        int at = -1;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                at = i;
                file = args[i + 1];
                break;
            }
            if (args[i].startsWith("--config=")) {
                at = i;
                file = args[i].substring("--config=".length());
                break;
            }
        }
        if (at < 0) {
            return args;
        }
        int skip = args[at].equals("--config") ? 2 : 1;
        List<String> fromFile = read(Path.of(file), args.length > 0 ? args[0] : null);
        List<String> all = new ArrayList<>();
        all.add(args[0]);
        all.addAll(fromFile);
        for (int i = 1; i < args.length; i++) {
            if (i < at || i >= at + skip) {
                all.add(args[i]);
            }
        }
        return all.toArray(new String[0]);
    }

    /** The options of a config.json as command-line arguments. */
    static List<String> read(Path file, String command) {
        String source = file.toString();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InputException(source, 0, "no such file");
        } catch (JsonProcessingException e) {
            throw new InputException(source, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(source, 0, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("options").isObject()) {
            throw new InputException(source, 0, "expected an object with \"command\" and \"options\", as smp writes");
        }
        String saved = root.path("command").asText("");
        if (command != null && !saved.equals(command)) {
            throw new InputException(source, 0, "this configuration is for 'smp " + saved + "', not 'smp " + command + "'");
        }
        List<String> args = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("options").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isBoolean()) {
                if (v.booleanValue()) {
                    args.add(e.getKey());
                }
            } else if (v.isValueNode()) {
                args.add(e.getKey());
                args.add(v.asText());
            } else {
                throw new InputException(source, 0, "option " + e.getKey() + ": expected a string, number or boolean");
            }
        }
        return args;
    }
}
