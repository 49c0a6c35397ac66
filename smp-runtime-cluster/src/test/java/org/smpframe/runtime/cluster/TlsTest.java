package org.smpframe.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.smpframe.lasso.LassoListener;
import org.smpframe.lasso.LassoResult;
import org.smpframe.lasso.LassoTrainer;
import org.smpframe.runtime.embedded.EmbeddedRuntime;

/**
 * Artery over TLS with mutual authentication: nodes with the cluster's certificate run a job as over plain TCP;
 * a node whose certificate the cluster does not trust cannot join.
 */
@Timeout(180)
class TlsTest {
    private static final String PASSWORD = "test-only-password";

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeStores() throws Exception {
        keytool("-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=smp-node",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", dir.resolve("cluster.p12").toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "node", "-keystore", dir.resolve("cluster.p12").toString(), "-storepass",
                PASSWORD, "-file", dir.resolve("cluster.cer").toString());
        keytool("-importcert", "-noprompt", "-alias", "node", "-file", dir.resolve("cluster.cer").toString(),
                "-storetype", "PKCS12", "-keystore", dir.resolve("trust.p12").toString(), "-storepass", PASSWORD);
        // A stranger: its own key, and it trusts the cluster (it wants in), but the cluster does not trust it.
        keytool("-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=stranger",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", dir.resolve("stranger.p12").toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        Files.writeString(dir.resolve("short.conf"), "smp.cluster.join-timeout = 12s\n");
    }

    private static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool %s", out).isZero();
    }

    private static ClusterSettings tls(String keyStore) {
        return new ClusterSettings("127.0.0.1", 0, new ClusterSettings.Tls(dir.resolve(keyStore),
                dir.resolve("trust.p12"), PASSWORD), dir.resolve("short.conf"));
    }

    @Test
    void trustedNodesRunAJobOverTls() throws Exception {
        LassoResult embedded = new LassoTrainer(TestJobs.LASSO).fit(TestJobs.LASSO_DATA, new EmbeddedRuntime(2),
                LassoListener.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ClusterRuntime runtime = ClusterRuntime.start(tls("cluster.p12"), 2, new byte[0])) {
            Future<Integer> w0 = pool.submit(() -> WorkerNode.run(tls("cluster.p12"), runtime.address(),
                    (job, w, n) -> TestJobs.program("lasso")));
            Future<Integer> w1 = pool.submit(() -> WorkerNode.run(tls("cluster.p12"), runtime.address(),
                    (job, w, n) -> TestJobs.program("lasso")));
            LassoResult cluster = new LassoTrainer(TestJobs.LASSO).fit(TestJobs.LASSO_DATA, runtime, LassoListener.NONE);
            assertThat(cluster.finalModel().coefficients()).containsExactly(embedded.finalModel().coefficients());
            runtime.close();
            assertThat(w0.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(w1.get(30, TimeUnit.SECONDS)).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNodeWithoutTheClusterCertificateCannotJoin() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ClusterRuntime runtime = ClusterRuntime.start(tls("cluster.p12"), 1, new byte[0])) {
            Future<Integer> stranger = pool.submit(() -> WorkerNode.run(tls("stranger.p12"), runtime.address(),
                    (job, w, n) -> TestJobs.program("lasso")));
            assertThatThrownBy(runtime::awaitWorkers).isInstanceOf(ClusterException.class)
                    .hasMessageContaining("timed out waiting for 1 workers");
            assertThat(stranger.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.CLUSTER);
        } finally {
            pool.shutdownNow();
        }
    }
}
