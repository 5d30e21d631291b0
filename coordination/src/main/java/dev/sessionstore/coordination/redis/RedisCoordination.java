package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.CoordinationUnavailableException;
import dev.sessionstore.coordination.Names;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.coordination.internal.CoordinationInstance;
import dev.sessionstore.redis.support.RedisCalls;
import dev.sessionstore.redis.support.RedisClientSettings;
import dev.sessionstore.redis.support.RedisClients;
import dev.sessionstore.redis.support.RedisLink;
import dev.sessionstore.redis.support.TrustedCertificates;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Coordination through one Redis server: every instance built against the same server and key prefix
 * shares locks, slot claims, run histories and breaker states. Each built instance opens its own
 * connection and closes it (and its client) on {@link Coordination#close()}. {@link Builder#build()}
 * throws {@link CoordinationUnavailableException} if Redis cannot be reached then. Afterwards a Redis that
 * cannot be reached or cannot answer now ({@code LOADING}, {@code BUSY}, {@code CLUSTERDOWN}, {@code TRYAGAIN},
 * {@code MASTERDOWN}, {@code READONLY}, ...: {@link dev.sessionstore.redis.support.RedisFailure}) makes calls
 * throw {@link CoordinationUnavailableException}, as the Redis store reports the same errors as unavailable.
 *
 * <pre>{@code
 * Coordination c = RedisCoordination.builder("redis://127.0.0.1:6379").instanceId("app-1").build();
 * }</pre>
 */
public final class RedisCoordination {
    private RedisCoordination() {}

    /**
     * A builder for the Redis at {@code redisUri} (any Lettuce URI: {@code redis://}, {@code rediss://}, {@code
     * redis-sentinel://}, with credentials).
     *
     * @throws IllegalArgumentException if it is not a Redis URI (the message does not repeat it)
     */
    public static Builder builder(String redisUri) {
        return new Builder(RedisClientSettings.parseUri(redisUri, "redisUri"));
    }

    /** Settings for one instance. Not thread-safe; {@link #build()} validates. */
    public static final class Builder {
        private final RedisURI uri;
        private String instanceId = "instance-" + UUID.randomUUID().toString().substring(0, 8);
        private Clock clock = Clock.systemUTC();
        private SchedulerOptions schedulerOptions = SchedulerOptions.defaults();
        private String keyPrefix = "coord";
        private Duration commandTimeout = Duration.ofSeconds(1);
        private boolean cluster;
        private Optional<ClientResources> resources = Optional.empty();
        private Optional<Path> trustedCertificates = Optional.empty();

        private Builder(RedisURI uri) {
            this.uri = uri;
        }

        public Builder instanceId(String id) {
            this.instanceId = Names.check("instanceId", id);
            return this;
        }

        /** The clock of this instance: its schedule, lease bookkeeping and breaker windows. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public Builder schedulerOptions(SchedulerOptions o) {
            this.schedulerOptions = Objects.requireNonNull(o, "schedulerOptions");
            return this;
        }

        /** Prefix of every key (default {@code coord}). */
        public Builder keyPrefix(String prefix) {
            this.keyPrefix = Names.check("keyPrefix", prefix);
            return this;
        }

        /** How long a Redis command may take before the backend counts as unreachable (default 1 s). */
        public Builder commandTimeout(Duration d) {
            Objects.requireNonNull(d, "commandTimeout");
            if (d.toMillis() < 10 || d.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("commandTimeout must be in [10ms, 1m]: " + d);
            }
            this.commandTimeout = d;
            return this;
        }

        /**
         * Whether the URI is one node of a Redis Cluster (default false). Every script's keys share the hash
         * tag of the lock, job or breaker name, so each runs on the node owning that name's slot.
         */
        public Builder cluster(boolean cluster) {
            this.cluster = cluster;
            return this;
        }

        /**
         * The process's Lettuce {@link ClientResources}, shared with its other Redis clients as Lettuce
         * recommends ({@link RedisClients#newResources()} makes suitable ones): the instance builds its client on
         * them and leaves them running on close; the caller shuts them down after every client. Without them the
         * instance creates its own and shuts them down on close.
         */
        public Builder clientResources(ClientResources r) {
            this.resources = Optional.of(Objects.requireNonNull(r, "clientResources"));
            return this;
        }

        /**
         * A PEM file of the CA certificates a {@code rediss://} connection trusts instead of the JVM's default ones;
         * read by {@link #build()}, which throws {@link IllegalArgumentException} if it is missing, unreadable or
         * holds no certificate.
         */
        public Builder trustedCertificates(Path pemFile) {
            this.trustedCertificates = Optional.of(Objects.requireNonNull(pemFile, "trustedCertificates"));
            return this;
        }

        public Coordination build() {
            RedisClientSettings settings = RedisClientSettings.of(uri, cluster, commandTimeout)
                    .withTrust(trustedCertificates.map(f -> TrustedCertificates.read(f, "trustedCertificates")));
            RedisLink link = RedisLink.open(settings, resources, CoordinationExceptions.INSTANCE);
            try {
                link.connect();
            } catch (RuntimeException e) {
                link.close();
                throw e;
            }
            RedisCalls calls = new RedisCalls(link);
            return new CoordinationInstance(
                    instanceId,
                    clock,
                    schedulerOptions,
                    new RedisLeases(calls, keyPrefix),
                    new RedisJobs(calls, keyPrefix),
                    new RedisBreakers(calls, keyPrefix),
                    link::close);
        }
    }
}
