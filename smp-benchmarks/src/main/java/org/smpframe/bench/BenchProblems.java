package org.smpframe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smpframe.data.LabeledDataset;
import org.smpframe.data.LibSvmReader;
import org.smpframe.lasso.CorrelatedDesign;

/**
 * The problems of the convergence benchmark, by name.
 *
 * <ul>
 *   <li>{@code synthetic}: p ≫ n with strongly correlated blocks, the setting of the reference system's genomics
 *       problem: {@code CorrelatedDesign(rows=200, features=5000, blockWidth=10, correlation=0.9, nonzeros=20,
 *       noise=0.5, seed=1)}, λ = 0.05, raw columns (they already have unit variance).</li>
 *   <li>{@code synthetic-20k}: the same with 20 000 features.</li>
 *   <li>{@code golub}: Golub leukemia training set, 38 x 7129 gene expressions, labels ±1 as the target,
 *       standardized columns, λ = 0.1·λ_max.</li>
 *   <li>{@code cpusmall}: LIBSVM cpusmall, 8192 x 12, standardized columns, λ = 0.01·λ_max.</li>
 *   <li>{@code diabetes}: the diabetes data shipped with the project ({@code data/diabetes.libsvm}, 442 x 10),
 *       standardized columns, λ = 0.01·λ_max.</li>
 *   <li>{@code tiny}: a 40 x 200 correlated design (blocks of 5), λ = 0.05, that solves in well under a second,
 *       for tests; L = 8 for the same-L comparison.</li>
 * </ul>
 *
 * <p>The public data sets are not shipped with the project: they are read from the shared data directory
 * ({@code --data DIR}; without it the first existing of {@code ../shared/data} and {@code ../../shared/data},
 * i.e. the shared folder beside the repository, from its root or from a module). A missing file raises {@link DataUnavailableException}, and the problem is skipped.
 */
public final class BenchProblems {
    /** Names accepted by {@link #load}, in the order of a full run. */
    public static final List<String> NAMES = List.of("synthetic", "synthetic-20k", "golub", "cpusmall", "diabetes",
            "tiny");

    /** The problems of a full run when none are named. */
    public static final List<String> DEFAULT = List.of("synthetic", "golub", "cpusmall");

    static final String GOLUB = "lasso_golub_leukemia/golub_leukemia_train.libsvm.xz";
    static final String CPUSMALL = "lasso_cpusmall/cpusmall.libsvm.xz";
    static final String DIABETES = "diabetes.libsvm";

    private static final List<Path> SHARED_DATA_CANDIDATES = List.of(
            Path.of("../shared/data"), Path.of("../../shared/data"));
    private static final List<Path> PROJECT_DATA_CANDIDATES = List.of(
            Path.of("data"), Path.of("../data"));

    private BenchProblems() {
    }

    /**
     * Loads problem {@code name}.
     *
     * @param sharedData the shared data directory, or null to search the usual places
     * @throws DataUnavailableException if its data file is not there
     * @throws IllegalArgumentException for an unknown name
     */
    public static BenchProblem load(String name, Path sharedData) {
        switch (name) {
            case "synthetic":
                return synthetic(name, 5000);
            case "synthetic-20k":
                return synthetic(name, 20000);
            case "tiny": {
                CorrelatedDesign d = new CorrelatedDesign(40, 200, 5, 0.9, 5, 0.5, 1);
                return BenchProblem.atLambda(name, d.toString(), d.generate(), false, 0.05)
                        .withBlockSizes(8, 4, 8, 16);
            }
            case "golub": {
                LabeledDataset data = LibSvmReader.read(find(GOLUB, sharedData, "Golub leukemia data"));
                return BenchProblem.atFraction(name, "Golub leukemia train (" + GOLUB + ")", data, true, 0.1);
            }
            case "cpusmall": {
                LabeledDataset data = LibSvmReader.read(find(CPUSMALL, sharedData, "LIBSVM cpusmall data"));
                // p = 12: every L of 8..64 clamps to 12, so smaller blocks are explored instead.
                return BenchProblem.atFraction(name, "LIBSVM cpusmall (" + CPUSMALL + ")", data, true, 0.01)
                        .withBlockSizes(4, 2, 4, 8, 12);
            }
            case "diabetes": {
                LabeledDataset data = LibSvmReader.read(findIn(DIABETES, PROJECT_DATA_CANDIDATES,
                        "the project's diabetes data"));
                return BenchProblem.atFraction(name, "diabetes (data/" + DIABETES + ")", data, true, 0.01)
                        .withBlockSizes(4, 2, 4, 8, 10);
            }
            default:
                throw new IllegalArgumentException("unknown problem '" + name + "'; known: " + String.join(", ", NAMES));
        }
    }

    private static BenchProblem synthetic(String name, int features) {
        CorrelatedDesign d = new CorrelatedDesign(200, features, 10, 0.9, 20, 0.5, 1);
        return BenchProblem.atLambda(name, d.toString(), d.generate(), false, 0.05);
    }

    /** The file {@code relative} under the shared data directory. */
    static Path find(String relative, Path sharedData, String what) {
        if (sharedData != null) {
            Path f = sharedData.resolve(relative);
            if (!Files.isRegularFile(f)) {
                throw new DataUnavailableException(what + " not found: " + f.toAbsolutePath().normalize()
                        + " does not exist (--data " + sharedData + ")");
            }
            return f;
        }
        List<Path> dirs = new ArrayList<>(SHARED_DATA_CANDIDATES);
        return findIn(relative, dirs, what);
    }

    private static Path findIn(String relative, List<Path> dirs, String what) {
        List<String> tried = new ArrayList<>();
        for (Path dir : dirs) {
            Path f = dir.resolve(relative);
            if (Files.isRegularFile(f)) {
                return f;
            }
            tried.add(f.toAbsolutePath().normalize().toString());
        }
        throw new DataUnavailableException(what + " not found; tried " + String.join(", ", tried)
                + " (give the shared data directory with --data DIR)");
    }
}
