package org.smpframe.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smpframe.data.InputException;
import org.smpframe.mf.MfModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code smp mf recommend}: the best items for a user that it has not rated yet. */
@Command(name = "recommend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recommend items for a user from a saved factorization.",
            "Prints rank, item id and predicted rating, best first, leaving out the items",
            "the user rated in training."})
final class MfRecommendCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "The --out directory of smp mf, or its model/ directory.")
    Path model;

    @Option(names = "--user", required = true, paramLabel = "ID", description = "The user's id as in the ratings file.")
    String user;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "How many items (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        MfModel m = MfModel.load(modelDirectory(model));
        int u = m.userIds().indexOf(user);
        if (u < 0) {
            throw new InputException(model.toString(), 0, "user '" + user + "' is not in the model ("
                    + m.numUsers() + " users)");
        }
        StringBuilder b = new StringBuilder("rank\titem\tpredicted\n");
        int rank = 1;
        for (int j : m.recommend(u, top)) {
            b.append(rank++).append('\t').append(m.itemIds().id(j)).append('\t')
                    .append(String.format(Locale.ROOT, "%.4f", m.predict(u, j))).append('\n');
        }
        System.out.print(b);
        if (rank == 1) {
            System.err.println("user '" + user + "' rated every item in training: nothing left to recommend");
        }
        return SmpCommand.EXIT_OK;
    }

    /** The run directory or the model directory inside it. */
    static Path modelDirectory(Path dir) {
        if (Files.isRegularFile(dir.resolve(MfModel.HEADER_FILE))) {
            return dir;
        }
        Path inner = dir.resolve("model");
        return Files.isRegularFile(inner.resolve(MfModel.HEADER_FILE)) ? inner : dir;
    }
}
