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

    /**
     * Creates the run directory and writes config.json and environment.json for the command {@code spec}
     * describes, as parsed. Call it only once the input has been read and every option checked: bad input must
     * leave nothing behind.
     */
    static void writeStart(CommandSpec spec, Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
        }
        Files.createDirectories(out);
        Map<String, Object> options = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            String name = o.longestName();
            // --out is left out: a repeat must name its own directory rather than overwrite this one.
            if (o.usageHelp() || o.versionHelp() || name.equals("--config") || name.equals("--out")) {
                continue;
            }
            Object value = o.getValue();
            if (value == null || (value instanceof Boolean b && !b)) {
                continue;
            }
            // Paths absolute, so that the run can be repeated from another directory.
            options.put(name, value instanceof Boolean ? Boolean.TRUE
                    : value instanceof Path path ? path.toAbsolutePath().normalize().toString() : String.valueOf(value));
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
            boolean split = args[i].equals("--config");
            if (split || args[i].startsWith("--config=")) {
                if (at >= 0) {
                    throw new InputException("--config", 0, "given twice; a run repeats one configuration");
                }
                if (split && i + 1 >= args.length) {
                    return args; // picocli reports the missing value
                }
                at = i;
                file = split ? args[i + 1] : args[i].substring("--config=".length());
            }
        }
        if (at < 0) {
            return args;
        }
        if (at == 0 || args[0].startsWith("-")) {
            throw new InputException("--config", 0, "name the command first: smp <command> --config FILE [options]");
        }
        int skip = args[at].equals("--config") ? 2 : 1;
        List<String> given = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (i < at || i >= at + skip) {
                given.add(args[i]);
            }
        }
        List<String> all = new ArrayList<>();
        all.add(args[0]);
        all.addAll(withoutOverridden(read(Path.of(file), args[0]), given));
        all.addAll(given);
        return all.toArray(new String[0]);
    }

    /** Options that exclude each other: giving one on the command line drops the others from the file. */
    private static final List<List<String>> EXCLUSIVE = List.of(List.of("--lambda", "--c", "--path"),
            List.of("--test", "--test-fraction"));

    /** The file's options minus those the command line gives (and their exclusive alternatives). */
    private static List<String> withoutOverridden(List<String> fromFile, List<String> given) {
        List<String> names = new ArrayList<>();
        for (String g : given) {
            if (g.startsWith("--")) {
                String name = g.contains("=") ? g.substring(0, g.indexOf('=')) : g;
                names.add(name);
                for (List<String> group : EXCLUSIVE) {
                    if (group.contains(name)) {
                        names.addAll(group);
                    }
                }
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < fromFile.size(); i++) {
            String option = fromFile.get(i);
            boolean hasValue = i + 1 < fromFile.size() && !fromFile.get(i + 1).startsWith("--");
            if (!names.contains(option)) {
                kept.add(option);
                if (hasValue) {
                    kept.add(fromFile.get(i + 1));
                }
            }
            if (hasValue) {
                i++;
            }
        }
        return kept;
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
            if (v.isNull()) {
                continue;
            }
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
