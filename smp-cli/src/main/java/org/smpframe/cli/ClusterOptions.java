package org.smpframe.cli;

import java.nio.file.Path;
import org.smpframe.runtime.cluster.ClusterSettings;
import picocli.CommandLine.Option;

/** Options every node of a cluster run shares: the settings file and mutual TLS. */
final class ClusterOptions {
    @Option(names = "--cluster-config", paramLabel = "FILE",
            description = "HOCON file overriding the cluster defaults (failure detector, frame sizes, timeouts; see smp-cluster.conf). Use the same on every node.")
    Path configFile;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Encrypt and authenticate every connection with TLS: this node's key and certificate (PKCS12).")
    Path keyStore;

    @Option(names = "--tls-truststore", paramLabel = "FILE",
            description = "With --tls-keystore: the certificates of the nodes allowed to join (PKCS12).")
    Path trustStore;

    @Option(names = "--tls-password-env", paramLabel = "VAR", defaultValue = "SMP_TLS_PASSWORD",
            description = "Environment variable holding the stores' password (default: ${DEFAULT-VALUE}); never on the command line.")
    String passwordEnv;

    ClusterSettings settings(String host, int port) {
        ClusterSettings.Tls tls = null;
        if (keyStore != null || trustStore != null) {
            if (keyStore == null || trustStore == null) {
                throw new IllegalArgumentException("TLS needs both --tls-keystore and --tls-truststore");
            }
            String password = System.getenv(passwordEnv);
            if (password == null) {
                throw new IllegalArgumentException("TLS: the environment variable " + passwordEnv
                        + " must hold the key and trust stores' password");
            }
            tls = new ClusterSettings.Tls(keyStore, trustStore, password);
        }
        return new ClusterSettings(host, port, tls, configFile);
    }

    /** The same options as arguments, for a worker process started by {@code smp launch}. */
    java.util.List<String> asArguments() {
        java.util.List<String> args = new java.util.ArrayList<>();
        if (configFile != null) {
            args.add("--cluster-config=" + configFile.toAbsolutePath());
        }
        if (keyStore != null) {
            args.add("--tls-keystore=" + keyStore.toAbsolutePath());
        }
        if (trustStore != null) {
            args.add("--tls-truststore=" + trustStore.toAbsolutePath());
        }
        args.add("--tls-password-env=" + passwordEnv);
        return args;
    }
}
