package dev.sessionstore.server;

import dev.sessionstore.server.edge.EdgeOptions;
import dev.sessionstore.server.jobs.MaintenanceOptions;
import dev.sessionstore.server.webhooks.WebhookConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line. Every option also comes from {@code SESSIONSTORE_<OPTION>} in the environment. */
@Command(
        name = "sessionstore-server",
        mixinStandardHelpOptions = true,
        version = "sessionstore-server 0.1.0",
        sortOptions = false,
        description = "The sessionstore HTTP session service. With no --redis-url it starts an embedded Redis"
                + " with AOF persistence in the data directory.",
        footer = "%nEvery option can also be set as SESSIONSTORE_<OPTION>, e.g. SESSIONSTORE_API_KEY.")
final class ServerCommand implements Callable<ServerConfig> {

    @Option(
            names = "--port",
            defaultValue = "${env:SESSIONSTORE_PORT:-8080}",
            description = "HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}). Env SESSIONSTORE_PORT.")
    int port;

    @Option(
            names = "--host",
            defaultValue = "${env:SESSIONSTORE_HOST:-127.0.0.1}",
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE})."
                    + " Env SESSIONSTORE_HOST.")
    @SuppressWarnings("NullAway.Init") // picocli sets it (it has a default value) when parsing
    String host;

    @Option(
            names = "--data-dir",
            defaultValue = "${env:SESSIONSTORE_DATA_DIR:-./sessionstore-data}",
            description = "Directory for the API key and the embedded Redis's AOF (default: ${DEFAULT-VALUE})."
                    + " Env SESSIONSTORE_DATA_DIR.")
    @SuppressWarnings("NullAway.Init") // picocli sets it (it has a default value) when parsing
    Path dataDir;

    @Option(
            names = "--redis-url",
            defaultValue = "${env:SESSIONSTORE_REDIS_URL}",
            description = "Use this Redis (redis://[:password@]host:port, rediss:// for TLS, redis-sentinel://)"
                    + " instead of the embedded one; --redis-ca-file trusts a private CA. Env SESSIONSTORE_REDIS_URL.")
    @Nullable
    String redisUrl;

    @Option(
            names = "--redis-cluster",
            defaultValue = "${env:SESSIONSTORE_REDIS_CLUSTER:-false}",
            description = "--redis-url is one node of a Redis Cluster: sessions, jobs and breakers are spread over"
                    + " its masters (default: ${DEFAULT-VALUE}). Env SESSIONSTORE_REDIS_CLUSTER.")
    boolean redisCluster;

    @Option(
            names = "--redis-ca-file",
            defaultValue = "${env:SESSIONSTORE_REDIS_CA_FILE}",
            description = "PEM file of the CA certificate(s) to trust for rediss:// instead of the JVM's, for a Redis"
                    + " whose certificate a private or self-signed CA signed. Env SESSIONSTORE_REDIS_CA_FILE.")
    @Nullable
    String redisCaFile;

    @Option(
            names = "--redis-wait-replicas",
            defaultValue = "${env:SESSIONSTORE_REDIS_WAIT_REPLICAS:-0}",
            description = "Answer a write (create, update, rotate, revoke) only after this many replicas acknowledged"
                    + " it (Redis WAIT); fewer within --redis-wait-timeout-ms gets 503 (default: ${DEFAULT-VALUE},"
                    + " no waiting). Env SESSIONSTORE_REDIS_WAIT_REPLICAS.")
    int redisWaitReplicas;

    @Option(
            names = "--redis-wait-timeout-ms",
            defaultValue = "${env:SESSIONSTORE_REDIS_WAIT_TIMEOUT_MS:-100}",
            description = "How long a write waits for --redis-wait-replicas (default: ${DEFAULT-VALUE})."
                    + " Env SESSIONSTORE_REDIS_WAIT_TIMEOUT_MS.")
    long redisWaitTimeoutMs;

    @Option(
            names = "--index-listing-rate",
            defaultValue = "${env:SESSIONSTORE_INDEX_LISTING_RATE:-1000}",
            description = "With Redis: how many sessions a second this instance's listings by index"
                    + " (GET /v1/indexes/...) may load, all together, so that walking a big index does not take Redis"
                    + " from the session reads; a page waits its turn. 0: unpaced, else 10-1000000"
                    + " (default: ${DEFAULT-VALUE}). Env SESSIONSTORE_INDEX_LISTING_RATE.")
    int indexListingRate;

    @Option(
            names = "--api-key",
            defaultValue = "${env:SESSIONSTORE_API_KEY}",
            description = "API key for the service API and the admin page (16-256 characters); default:"
                    + " generated once and kept in <data-dir>/api-key. Env SESSIONSTORE_API_KEY.")
    @Nullable
    String apiKey;

    @Option(
            names = "--durability",
            defaultValue = "${env:SESSIONSTORE_DURABILITY:-everysec}",
            description = "Embedded Redis persistence: none, rdb (snapshots at Redis's default save points 3600 1"
                    + " 300 100 60 10000), everysec (AOF fsync every second) or always (AOF fsync on every write)"
                    + " (default: ${DEFAULT-VALUE}). Env SESSIONSTORE_DURABILITY.")
    @SuppressWarnings("NullAway.Init") // picocli sets it (it has a default value) when parsing
    String durability;

    @Option(
            names = "--require-durability",
            defaultValue = "${env:SESSIONSTORE_REQUIRE_DURABILITY}",
            description = "Refuse to start (exit code 2) unless the Redis, external or embedded, persists at least"
                    + " this much: none, rdb, everysec or always; a Redis whose settings cannot be read (CONFIG"
                    + " disabled) is refused too; default: nothing required. Env SESSIONSTORE_REQUIRE_DURABILITY.")
    @Nullable
    String requireDurability;

    @Option(
            names = "--users-file",
            defaultValue = "${env:SESSIONSTORE_USERS_FILE}",
            description = "Accounts for the login page: lines 'user = bcrypt-hash'; default: the bundled demo"
                    + " accounts. Env SESSIONSTORE_USERS_FILE.")
    @Nullable
    Path usersFile;

    @Option(
            names = "--store",
            defaultValue = "${env:SESSIONSTORE_STORE:-redis}",
            description = "Session store: redis or memory (default: ${DEFAULT-VALUE}). Env SESSIONSTORE_STORE.")
    @SuppressWarnings("NullAway.Init") // picocli sets it (it has a default value) when parsing
    String store;

    @Option(
            names = "--redis-timeout-ms",
            defaultValue = "${env:SESSIONSTORE_REDIS_TIMEOUT_MS:-500}",
            description = "Redis command timeout in milliseconds; a store that does not answer gets 503"
                    + " (default: ${DEFAULT-VALUE}). Env SESSIONSTORE_REDIS_TIMEOUT_MS.")
    long redisTimeoutMs;

    @Option(
            names = "--webhook-url",
            defaultValue = "${env:SESSIONSTORE_WEBHOOK_URL}",
            description = "POST session events (created, rotated, updated, revoked, evicted, expired) as JSON to this"
                    + " http(s) URL, with retries, through the shared circuit breaker 'webhook'. With Redis the"
                    + " events are written to the store's durable outbox and delivered at least once by the"
                    + " instances together; default: none (disabled). Env SESSIONSTORE_WEBHOOK_URL.")
    @Nullable
    String webhookUrl;

    @Option(
            names = "--webhook-claim-after-seconds",
            defaultValue = "${env:SESSIONSTORE_WEBHOOK_CLAIM_AFTER_SECONDS:-30}",
            description = "With Redis: an event read but not acknowledged for this long (its delivery failed or its"
                    + " instance died) is delivered again by any instance (default: ${DEFAULT-VALUE})."
                    + " Env SESSIONSTORE_WEBHOOK_CLAIM_AFTER_SECONDS.")
    long webhookClaimAfterSeconds;

    @Option(
            names = "--stats-interval-seconds",
            defaultValue = "${env:SESSIONSTORE_STATS_INTERVAL_SECONDS:-30}",
            description = "How often the cluster-wide statistics job measures live sessions and memory per session"
                    + " for the admin page (default: ${DEFAULT-VALUE}). Env SESSIONSTORE_STATS_INTERVAL_SECONDS.")
    long statsIntervalSeconds;

    @Option(
            names = "--upkeep-interval-seconds",
            defaultValue = "${env:SESSIONSTORE_UPKEEP_INTERVAL_SECONDS:-1}",
            description = "How often the cluster-wide upkeep job writes the 'expired' events of the sessions whose"
                    + " expiry passed (how late they may be) (default: ${DEFAULT-VALUE})."
                    + " Env SESSIONSTORE_UPKEEP_INTERVAL_SECONDS.")
    long upkeepIntervalSeconds;

    @Option(
            names = "--instance-id",
            defaultValue = "${env:SESSIONSTORE_INSTANCE_ID}",
            description = "This instance's name in job runs and breaker reports (admin page); must differ between"
                    + " instances sharing a Redis; default: <host name>-<process id>. Env SESSIONSTORE_INSTANCE_ID.")
    @Nullable
    String instanceId;

    @Option(
            names = "--idle-timeout-seconds",
            defaultValue = "${env:SESSIONSTORE_IDLE_TIMEOUT_SECONDS:-75}",
            description = "A keep-alive connection with no request in flight is closed after this many seconds,"
                    + " 1-3600 (default: ${DEFAULT-VALUE}). Env SESSIONSTORE_IDLE_TIMEOUT_SECONDS.")
    long idleTimeoutSeconds;

    @Option(
            names = "--read-timeout-seconds",
            defaultValue = "${env:SESSIONSTORE_READ_TIMEOUT_SECONDS:-20}",
            description = "A request must be read and answered within this many seconds from its first byte, else"
                    + " its connection is closed (slowloris), 1-600 (default: ${DEFAULT-VALUE})."
                    + " Env SESSIONSTORE_READ_TIMEOUT_SECONDS.")
    long readTimeoutSeconds;

    @Option(
            names = "--max-connections",
            defaultValue = "${env:SESSIONSTORE_MAX_CONNECTIONS:-10000}",
            description = "Open connections at most; one more is answered 503 (Retry-After: 1) and closed; lowered at"
                    + " start to what the descriptor limit (ulimit -n) holds, 1-1000000 (default: ${DEFAULT-VALUE})."
                    + " Env SESSIONSTORE_MAX_CONNECTIONS.")
    int maxConnections;

    /** The validated configuration. */
    @Override
    public ServerConfig call() {
        return new ServerConfig(
                host,
                port,
                dataDir,
                Optional.ofNullable(blankToNull(redisUrl)),
                redisCluster,
                new RedisLinkOptions(
                        Optional.ofNullable(blankToNull(redisCaFile)).map(Path::of),
                        redisWaitReplicas,
                        Duration.ofMillis(redisWaitTimeoutMs),
                        indexListingRate),
                Optional.ofNullable(blankToNull(apiKey)),
                parseEnum(ServerConfig.Durability.class, "durability", durability),
                Optional.ofNullable(blankToNull(requireDurability))
                        .map(v -> parseEnum(ServerConfig.Durability.class, "require-durability", v)),
                Optional.ofNullable(usersFile),
                parseEnum(ServerConfig.StoreKind.class, "store", store),
                Duration.ofMillis(redisTimeoutMs),
                Optional.ofNullable(blankToNull(webhookUrl))
                        .map(WebhookConfig::parse)
                        .map(w -> w.withClaimAfter(Duration.ofSeconds(webhookClaimAfterSeconds))),
                new MaintenanceOptions(
                        Duration.ofSeconds(statsIntervalSeconds), Duration.ofSeconds(upkeepIntervalSeconds)),
                Optional.ofNullable(blankToNull(instanceId)).orElseGet(ServerConfig::defaultInstanceId),
                new EdgeOptions(
                        seconds("idle-timeout-seconds", idleTimeoutSeconds, 3600),
                        seconds("read-timeout-seconds", readTimeoutSeconds, 600),
                        maxConnections));
    }

    private static Duration seconds(String option, long value, long max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException("--" + option + " must be in [1, " + max + "]: " + value);
        }
        return Duration.ofSeconds(value);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String option, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("--" + option + " must be one of "
                + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT)
                + ": " + value);
    }
}
