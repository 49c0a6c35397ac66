package org.smpframe.runtime.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a node listens and how it talks: its address, the optional TLS stores and an optional configuration
 * file whose settings override the defaults in {@code smp-cluster.conf} (failure detector, frame sizes, ...).
 *
 * @param host          the address other nodes reach this one at (Artery's canonical hostname)
 * @param port          its port; 0 picks a free one
 * @param tls           mutual TLS for every connection, or null for plain TCP
 * @param configFile    a HOCON file overriding the defaults, or null
 */
public record ClusterSettings(String host, int port, Tls tls, Path configFile) {
    /** The actor system's name: the same on every node of a cluster. */
    public static final String SYSTEM_NAME = "smp";

    /**
     * Mutual TLS (TLSv1.3): this node proves itself with the key in {@code keyStore} and accepts only peers whose
     * certificate {@code trustStore} trusts. PKCS12 or JKS files.
     */
    public record Tls(Path keyStore, Path trustStore, String password) {
    }

    public ClusterSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        if (configFile != null && !Files.isReadable(configFile)) {
            throw new IllegalArgumentException("cannot read the cluster configuration file " + configFile);
        }
        if (tls != null) {
            for (Path p : List.of(tls.keyStore(), tls.trustStore())) {
                if (!Files.isReadable(p)) {
                    throw new IllegalArgumentException("cannot read the TLS key or trust store " + p);
                }
            }
        }
    }

    /** Plain TCP on {@code host}, a free port, the default settings. */
    public static ClusterSettings local(String host) {
        return new ClusterSettings(host, 0, null, null);
    }

    /** "host:port" to a host and a port. */
    public static String[] parseAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, got '" + hostPort + "'");
        }
        String port = hostPort.substring(colon + 1);
        try {
            int p = Integer.parseInt(port);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected HOST:PORT with a port 0-65535, got '" + hostPort + "'");
        }
        return new String[] {hostPort.substring(0, colon), port};
    }

    /** The configuration of a node with role {@code role} ("coordinator" or "worker"). */
    Config config(String role) {
        Config c = ConfigFactory.empty()
                .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(host))
                .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(port))
                .withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(List.of(role)));
        if (tls != null) {
            String engine = "pekko.remote.artery.ssl.config-ssl-engine.";
            c = c.withValue("pekko.remote.artery.transport", ConfigValueFactory.fromAnyRef("tls-tcp"))
                    .withValue(engine + "key-store", ConfigValueFactory.fromAnyRef(tls.keyStore().toAbsolutePath().toString()))
                    .withValue(engine + "trust-store", ConfigValueFactory.fromAnyRef(tls.trustStore().toAbsolutePath().toString()))
                    .withValue(engine + "key-store-password", ConfigValueFactory.fromAnyRef(tls.password()))
                    .withValue(engine + "key-password", ConfigValueFactory.fromAnyRef(tls.password()))
                    .withValue(engine + "trust-store-password", ConfigValueFactory.fromAnyRef(tls.password()))
                    .withValue(engine + "require-mutual-authentication", ConfigValueFactory.fromAnyRef(true));
        }
        try {
            Config file = configFile == null ? ConfigFactory.empty() : ConfigFactory.parseFile(configFile.toFile());
            // -D system properties first, then the command line, the file, our defaults and Pekko's.
            return ConfigFactory.defaultOverrides().withFallback(c).withFallback(file)
                    .withFallback(ConfigFactory.parseResources(ClusterSettings.class, "/smp-cluster.conf"))
                    .withFallback(ConfigFactory.load()).resolve();
        } catch (ConfigException e) {
            throw new IllegalArgumentException("cluster configuration" + (configFile == null ? "" : " " + configFile)
                    + ": " + e.getMessage(), e);
        }
    }
}
