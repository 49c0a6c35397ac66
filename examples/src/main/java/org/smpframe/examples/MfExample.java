package org.smpframe.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.smpframe.data.Ratings;
import org.smpframe.data.RatingsReader;
import org.smpframe.data.RatingsSplit;
import org.smpframe.mf.MfConfig;
import org.smpframe.mf.MfModel;
import org.smpframe.mf.MfResult;
import org.smpframe.mf.MfTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * A matrix factorization from Java on the bundled synthetic ratings (CSV with a header): a seeded 80/20 split,
 * CCD++ on the rotation schedule with biases, the test RMSE after every iteration, the factors saved and read
 * back, and the top items for one user. Run from the repository root:
 * {@code java -cp ... org.smpframe.examples.MfExample [data/synthetic-ratings.csv]}.
 */
public final class MfExample {
    private MfExample() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "data/synthetic-ratings.csv");
        Ratings all = RatingsReader.read(file, RatingsReader.Options.defaults()); // format detected: CSV
        RatingsSplit.Split split = RatingsSplit.random(all, 0.2, 42);
        MfConfig config = MfConfig.builder().rank(5).lambda(0.01).biases(true).iterations(20).build();
        MfResult result;
        try (EmbeddedRuntime runtime = new EmbeddedRuntime(2)) {
            result = new MfTrainer(config).fit(split.train(), split.test(), runtime, p -> System.out.printf(
                    Locale.ROOT, "iteration %2.0f  objective %.2f  test RMSE %.4f%n", p.evaluation().get("iteration"),
                    p.evaluation().objective(), p.evaluation().get("test_rmse")));
        }
        System.out.printf(Locale.ROOT, "train RMSE %.4f, test RMSE %.4f%n", result.trainRmse(), result.testRmse());

        Path dir = Files.createTempDirectory("mf-model");
        result.model().save(dir);
        MfModel model = MfModel.load(dir);
        int user = model.userIds().indexOf("u42");
        StringBuilder top = new StringBuilder();
        for (int item : model.recommend(user, 3)) {
            top.append(String.format(Locale.ROOT, " %s (%.2f)", model.itemIds().id(item), model.predict(user, item)));
        }
        System.out.println("saved and read back; top 3 unrated items for u42:" + top);
        for (String name : new String[] {MfModel.HEADER_FILE, MfModel.USER_FILE, MfModel.ITEM_FILE, MfModel.RATED_FILE}) {
            Files.delete(dir.resolve(name));
        }
        Files.delete(dir);
    }
}
