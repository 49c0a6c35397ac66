package org.smpframe.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smpframe.runtime.cluster.ClusterRuntime;
import org.smpframe.runtime.cluster.ClusterSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smp coordinator}: run an app with its workers in other processes, on this or other machines. */
@Command(name = "coordinator", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run an app as the coordinator of a cluster (Apache Pekko Cluster, Artery TCP).",
            "The coordinator runs the scheduler and the aggregation; the app's --workers workers",
            "join with `smp worker --join HOST:PORT`, read the same data themselves (the paths",
            "must be valid on their machines; their contents are checked) and run the updates.",
            "Example: smp coordinator --bind 10.0.0.1:25520 lasso --train data.svm --lambda 0.01 --workers 4 --out run"})
final class CoordinatorCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(CoordinatorCommand.class);

    @Option(names = "--bind", required = true, paramLabel = "HOST:PORT",
            description = "Address the workers reach this machine at (a port of 0 picks a free one).")
    String bind;

    @Mixin
    ClusterOptions cluster;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "APP ARGS", description = "The app and its options, as for a local run.")
    List<String> app;

    @Override
    public Integer call() {
        // --config FILE is expanded here, so that the workers get the options themselves, not a path to them.
        List<String> app = List.of(RunDirectory.expand(this.app.toArray(String[]::new)));
        String[] hostPort = ClusterSettings.parseAddress(bind);
        ClusterSettings settings = cluster.settings(hostPort[0], Integer.parseInt(hostPort[1]));
        return SmpCommand.executeApp(spec, (workers, job) -> {
            ClusterRuntime runtime = ClusterRuntime.start(settings, workers, JobDescription.encode(app, job.inputs()));
            LOG.info("coordinator listening at {}; waiting for {} workers: smp worker --join {}", runtime.address(),
                    workers, runtime.address());
            return runtime;
        }, app);
    }
}
