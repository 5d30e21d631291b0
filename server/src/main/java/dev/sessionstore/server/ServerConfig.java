package dev.sessionstore.server;

import dev.sessionstore.coordination.Names;
import dev.sessionstore.server.edge.EdgeOptions;
import dev.sessionstore.server.jobs.MaintenanceOptions;
import dev.sessionstore.server.webhooks.WebhookConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's configuration, from the command line and the environment. Immutable; validated when built.
 *
 * @param host the address to listen on
 * @param port the HTTP port, 0 for a free one
 * @param dataDir where the API key and the embedded Redis's data live
 * @param redisUrl an external Redis; empty starts the embedded one
 * @param redisCluster whether {@code redisUrl} is one node of a Redis Cluster
 * @param redisLink TLS trust and replica acknowledgement for {@code redisUrl}
 * @param apiKey the API key; empty reads or generates {@code dataDir/api-key}
 * @param durability the embedded Redis's persistence
 * @param requiredDurability the least persistence the Redis must have (checked at start, embedded or external);
 *     empty: none required, a Redis that persists nothing is only warned about
 * @param usersFile demo accounts for the pages; empty uses the bundled demo file
 * @param store the session store backend
 * @param commandTimeout the Redis command timeout
 * @param webhook where session events are delivered; empty: not delivered
 * @param maintenance how often the maintenance jobs run
 * @param instanceId this instance's name in the coordination (job runs, breaker reports, lock owners);
 *     1-128 characters of {@code [A-Za-z0-9._:-]}, unique per running instance
 * @param edge idle and read timeouts, the connection cap
 */
record ServerConfig(
        String host,
        int port,
        Path dataDir,
        Optional<String> redisUrl,
        boolean redisCluster,
        RedisLinkOptions redisLink,
        Optional<String> apiKey,
        Durability durability,
        Optional<Durability> requiredDurability,
        Optional<Path> usersFile,
        StoreKind store,
        Duration commandTimeout,
        Optional<WebhookConfig> webhook,
        MaintenanceOptions maintenance,
        String instanceId,
        EdgeOptions edge) {

    /** How much of what was acknowledged survives a crash of Redis, weakest first. */
    enum Durability {
        /** Nothing on disk. */
        NONE,
        /** RDB snapshots: the writes since the last snapshot are lost. */
        RDB,
        /** AOF, fsync every second: about the last second is lost. */
        EVERYSEC,
        /** AOF, fsync on every write: nothing acknowledged is lost. */
        ALWAYS;

        String option() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Which store keeps the sessions. */
    enum StoreKind {
        REDIS,
        MEMORY
    }

    ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(requiredDurability, "requiredDurability");
        Objects.requireNonNull(usersFile, "usersFile");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(edge, "edge");
        Names.check("instance-id", instanceId);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        apiKey.ifPresent(ServerConfig::checkApiKey);
        redisUrl.ifPresent(ServerConfig::checkRedisUrl);
        if (redisCluster && redisUrl.isEmpty()) {
            throw new IllegalArgumentException("redis-cluster needs --redis-url: one node of the cluster");
        }
        Objects.requireNonNull(redisLink, "redisLink");
        if (redisLink.waitReplicas() > 0 && redisUrl.isEmpty()) {
            throw new IllegalArgumentException(
                    "--redis-wait-replicas needs --redis-url: the embedded Redis has no" + " replicas");
        }
        if (redisLink.caFile().isPresent() && redisUrl.isEmpty()) {
            throw new IllegalArgumentException("--redis-ca-file needs --redis-url (rediss://...)");
        }
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive: " + commandTimeout);
        }
    }

    /**
     * The default instance id: this host's name and the process id, e.g. {@code web-3-48211}, so that the
     * admin page names instances an operator can find; characters outside {@code [A-Za-z0-9._:-]} become
     * {@code -}.
     */
    static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        String name = host.replaceAll("[^A-Za-z0-9._:-]", "-") + "-"
                + ProcessHandle.current().pid();
        return name.length() <= 128 ? name : name.substring(name.length() - 128);
    }

    private static void checkApiKey(String key) {
        if (key.length() < 16 || key.length() > 256 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(
                    "api-key must be 16 to 256 printable ASCII characters without spaces (got "
                            + key.length()
                            + " characters)");
        }
    }

    private static void checkRedisUrl(String url) {
        if (!url.startsWith("redis://")
                && !url.startsWith("rediss://")
                && !url.startsWith("redis-sentinel://")
                && !url.startsWith("redis-socket://")) {
            throw new IllegalArgumentException(
                    "redis-url must start with redis://, rediss://, redis-sentinel:// or redis-socket://");
        }
    }
}
