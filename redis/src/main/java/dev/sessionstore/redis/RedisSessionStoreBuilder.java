package dev.sessionstore.redis;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.redis.support.RedisClientSettings;
import dev.sessionstore.redis.support.RedisClients;
import dev.sessionstore.redis.support.RedisLink;
import dev.sessionstore.redis.support.ReplicaAcknowledgement;
import dev.sessionstore.redis.support.TrustedCertificates;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link RedisSessionStore}. Not thread-safe; {@link #build()} validates every setting and
 * throws {@link IllegalArgumentException} naming the bad one.
 *
 * <pre>{@code
 * RedisSessionStore store = RedisSessionStore.builder()
 *     .redisUri("redis://127.0.0.1:6379")
 *     .policy(SessionPolicy.defaults())
 *     .commandTimeout(Duration.ofMillis(500))
 *     .keyPrefix("ss")
 *     .build();
 * }</pre>
 */
public final class RedisSessionStoreBuilder {
    /** The longest command timeout accepted. */
    public static final Duration MAX_COMMAND_TIMEOUT = Duration.ofMinutes(1);
    /** Entries kept per tag stream by default: 256 streams, so about 256,000 events in all. */
    public static final int DEFAULT_EVENT_RETENTION = 1_000;
    /** The most entries {@link #eventRetention} keeps per tag stream. */
    public static final int MAX_EVENT_RETENTION = 1_000_000;
    /** The pace of index listings by default, in sessions a second: {@link #indexListingRate(int)}. */
    public static final int DEFAULT_INDEX_LISTING_RATE = 1_000;
    /** The fastest {@link #indexListingRate(int)} that is not unpaced. */
    public static final int MAX_INDEX_LISTING_RATE = 1_000_000;

    private @Nullable String redisUri;
    private SessionPolicy policy = SessionPolicy.defaults();
    private Duration commandTimeout = Duration.ofMillis(500);
    private String keyPrefix = "ss";
    private Optional<ClientResources> resources = Optional.empty();
    private boolean cluster;
    private boolean events;
    private int eventRetention = DEFAULT_EVENT_RETENTION;
    private Optional<Path> trustedCertificates = Optional.empty();
    private int waitReplicas;
    private Duration waitTimeout = Duration.ofMillis(100);
    private OptionalInt directConnections = OptionalInt.empty();
    private int indexListingRate = DEFAULT_INDEX_LISTING_RATE;

    RedisSessionStoreBuilder() {}

    /**
     * Where Redis is: any Lettuce URI ({@code redis://}, {@code rediss://} for TLS, with a password or
     * user and password, {@code redis-sentinel://}). Required.
     */
    public RedisSessionStoreBuilder redisUri(String uri) {
        this.redisUri = Objects.requireNonNull(uri, "redisUri");
        return this;
    }

    /**
     * Whether {@link #redisUri} is a node of a Redis Cluster (default false): the store then reads the
     * cluster's topology from it and sends each script to the node that owns its keys' slot (all keys of
     * a script share one).
     */
    public RedisSessionStoreBuilder cluster(boolean cluster) {
        this.cluster = cluster;
        return this;
    }

    /**
     * Whether every change writes its session event to the outbox (default false): created, rotated, updated,
     * revoked and evicted in the change's own script, expired from {@link RedisSessionEvents#expireDue()}. Costs
     * one stream entry per change and, per touch, one timer update; read them with {@link
     * RedisSessionStore#events()}. See {@code docs/redis-layout.md}, "Session events".
     */
    public RedisSessionStoreBuilder events(boolean events) {
        this.events = events;
        return this;
    }

    /**
     * How many events each of the 256 tag streams keeps (default {@value #DEFAULT_EVENT_RETENTION}, 10 to
     * {@value #MAX_EVENT_RETENTION}; Redis trims approximately, {@code XADD MAXLEN ~}, so a little more may stay).
     * An event trimmed before a consumer group read it is lost to that group: size it above the backlog a
     * consumer outage may build.
     */
    public RedisSessionStoreBuilder eventRetention(int perTag) {
        this.eventRetention = perTag;
        return this;
    }

    /** Limits, timeouts and cap policy; default {@link SessionPolicy#defaults()}. */
    public RedisSessionStoreBuilder policy(SessionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * How long one operation waits for Redis before it throws {@link
     * dev.sessionstore.StoreUnavailableException}; default 500 ms, at most {@link #MAX_COMMAND_TIMEOUT}.
     * Only opening the connection may take longer (up to 5 s, or this timeout if longer);
     * once connected, a lost connection is re-opened in the background and operations fail at once
     * until it is back.
     */
    public RedisSessionStoreBuilder commandTimeout(Duration timeout) {
        this.commandTimeout = Objects.requireNonNull(timeout, "commandTimeout");
        return this;
    }

    /**
     * How many operations called on platform threads may each do their own round trip to Redis on a direct
     * connection (the calling thread writes the command and reads the reply: no hand-off to the client's event
     * loop) while no more are in flight; default 2, or the system property {@code sessionstore.redis.direct}; 0
     * sends every operation over the one multiplexed connection and turns the virtual threads' shared connection off
     * too. Applies to a standalone Redis without TLS; heavier loads on platform threads use the multiplexed
     * connection, and operations called on virtual threads share one pipelined connection of their own (unless 0).
     * Under a light load a direct connection's caller polls for the reply for up to 50 microseconds before it sleeps
     * (the system property {@code sessionstore.redis.spinMicros}, 0 to 1000; 0 never polls): docs/redis-layout.md.
     */
    public RedisSessionStoreBuilder directConnections(int n) {
        this.directConnections = OptionalInt.of(n);
        return this;
    }

    /**
     * How many sessions a second this store's index listings may load, all of them together (default {@value
     * #DEFAULT_INDEX_LISTING_RATE}; 0 = unpaced). Listing by index is admin and background work: a walk through a big
     * index, flat out, would take Redis time (and this process's) from the touches of the web path. At this pace a
     * page waits, before each round of its script calls, until the work of the rounds before it (one unit per call
     * and one per session loaded) is paid for; up to {@code 1000} units saved while nothing listed go at once, so the
     * first pages of a walk, or a few listings of small indexes, never wait (a whole listing visits the 256 shard
     * tags: about 256 units even for a small index). Each store instance has its own budget. Listings
     * of a user's sessions (bounded by the per-user cap, and on the web path) are not paced. Measured in
     * docs/benchmarks.md, "Listings at scale".
     *
     * @param sessionsPerSecond 0 (unpaced), or 10 to {@value #MAX_INDEX_LISTING_RATE}
     */
    public RedisSessionStoreBuilder indexListingRate(int sessionsPerSecond) {
        this.indexListingRate = sessionsPerSecond;
        return this;
    }

    /**
     * Whether {@link #indexListingRate(int)} accepts {@code sessionsPerSecond}: 0, or 10 to {@value
     * #MAX_INDEX_LISTING_RATE}; for configuration that names the setting its own way (the server, the starter).
     */
    public static boolean isIndexListingRate(int sessionsPerSecond) {
        return sessionsPerSecond == 0 || (sessionsPerSecond >= 10 && sessionsPerSecond <= MAX_INDEX_LISTING_RATE);
    }

    /** The first part of every key; default {@code ss}. Letters, digits, {@code _ . : -}, at most 64. */
    public RedisSessionStoreBuilder keyPrefix(String prefix) {
        this.keyPrefix = Objects.requireNonNull(prefix, "keyPrefix");
        return this;
    }

    /**
     * The process's Lettuce {@link ClientResources} (event loops and timers), to share with its other Redis
     * clients as Lettuce recommends ({@link RedisClients#newResources()} makes suitable ones). The store builds
     * its own client on them and leaves them running on close: the caller shuts them down after every client.
     * Without them the store creates its own and shuts them down on close.
     */
    public RedisSessionStoreBuilder clientResources(ClientResources resources) {
        this.resources = Optional.of(Objects.requireNonNull(resources, "clientResources"));
        return this;
    }

    /**
     * A PEM file of the CA certificates that a {@code rediss://} connection trusts instead of the JVM's default
     * ones, for a Redis whose certificate a private or self-signed CA signed. Read by {@link #build()}, which throws
     * {@link IllegalArgumentException} if it is missing, unreadable or holds no certificate. The host name of the
     * URI is still checked against the certificate.
     */
    public RedisSessionStoreBuilder trustedCertificates(Path pemFile) {
        this.trustedCertificates = Optional.of(Objects.requireNonNull(pemFile, "trustedCertificates"));
        return this;
    }

    /**
     * Makes every write wait for {@code replicas} replicas to acknowledge it ({@code WAIT replicas timeout} on the
     * connection that carried it) before it returns; default 0, no waiting. A write that fewer replicas acknowledge
     * within {@code timeout} throws {@link dev.sessionstore.StoreUnavailableException}: it is done on the master but
     * could be lost in a failover, so it is not reported as done. Writes that wait: create, update, rotate, revoke
     * (by token or id) and revoke by user; touch (which slides the idle expiry) and the listings do not. A write then
     * takes up to the command timeout plus {@code timeout}.
     *
     * @param replicas 0 (off) to 100
     * @param timeout 1 ms to 1 min
     */
    public RedisSessionStoreBuilder replicaAcknowledgement(int replicas, Duration timeout) {
        this.waitReplicas = replicas;
        this.waitTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** A store with these settings; it connects on first use. */
    public RedisSessionStore build() {
        if (commandTimeout.compareTo(Duration.ofMillis(1)) < 0 || commandTimeout.compareTo(MAX_COMMAND_TIMEOUT) > 0) {
            throw new IllegalArgumentException(
                    "commandTimeout must be between 1 ms and " + MAX_COMMAND_TIMEOUT + ": " + commandTimeout);
        }
        if (eventRetention < 10 || eventRetention > MAX_EVENT_RETENTION) {
            throw new IllegalArgumentException(
                    "eventRetention must be between 10 and " + MAX_EVENT_RETENTION + ": " + eventRetention);
        }
        if (!isIndexListingRate(indexListingRate)) {
            throw new IllegalArgumentException("indexListingRate must be 0 (unpaced) or 10 to " + MAX_INDEX_LISTING_RATE
                    + " sessions a second: " + indexListingRate);
        }
        RedisKeys keys = new RedisKeys(keyPrefix);
        RedisURI uri = RedisClientSettings.parseUri(redisUri, "redisUri");
        if (waitReplicas < 0) {
            throw new IllegalArgumentException(
                    "replicaAcknowledgement replicas must be 0 (off) or more: " + waitReplicas);
        }
        Optional<ReplicaAcknowledgement> ack = waitReplicas == 0
                ? Optional.empty()
                : Optional.of(new ReplicaAcknowledgement(waitReplicas, waitTimeout));
        RedisClientSettings defaults = RedisClientSettings.of(uri, cluster, commandTimeout)
                .withTrust(trustedCertificates.map(f -> TrustedCertificates.read(f, "trustedCertificates")));
        RedisClientSettings settings =
                directConnections.isPresent() ? defaults.withDirectConnections(directConnections.getAsInt()) : defaults;
        return new RedisSessionStore(
                policy,
                keys,
                RedisLink.open(settings, resources, StoreExceptions.INSTANCE),
                events ? new Outbox(eventRetention) : Outbox.OFF,
                ack,
                ListingPace.of(indexListingRate));
    }
}
