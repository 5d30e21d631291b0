package dev.sessionstore.spring.boot;

import dev.sessionstore.redis.RedisSessionStoreBuilder;
import dev.sessionstore.redis.support.RedisClientSettings;
import dev.sessionstore.spring.session.SessionStoreRepositoryOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code sessionstore.*} properties. Checked when bound: a bad value stops the app at start with a message that
 * names the property.
 *
 * @param redisUrl where Redis is ({@code redis://}, {@code rediss://}); when absent, built from the app's {@code
 *     spring.data.redis.*} properties, else {@code redis://localhost:6379}
 * @param keyPrefix the first part of every key the store writes; default {@code ss}
 * @param commandTimeout how long one store operation waits for Redis; default 500 ms, at most one minute
 * @param cluster whether {@code redisUrl} is a node of a Redis Cluster; default false
 * @param directConnections how many store calls on platform threads (the servlet container's request threads) may
 *     each use a connection of their own instead of the shared multiplexed one, 0 (off) to 64; when absent, the
 *     store's default (2, or the system property {@code sessionstore.redis.direct}); see {@code docs/redis-layout.md}, "Which connection carries a call"
 * @param indexListingRate how many sessions a second the store's listings by index may load, all together, so that a
 *     walk through a big index does not take Redis from the web path; 0 (unpaced), or 10 to 1,000,000; default 1,000
 *     (see {@code RedisSessionStoreBuilder.indexListingRate})
 * @param session how Spring Session's sessions are kept
 */
@ConfigurationProperties("sessionstore")
public record SessionStoreProperties(
        @Nullable String redisUrl,
        @DefaultValue("ss") String keyPrefix,
        @DefaultValue("500ms") Duration commandTimeout,
        @DefaultValue("false") boolean cluster,
        @Nullable Integer directConnections,
        @DefaultValue("1000") int indexListingRate,
        @DefaultValue Session session) {

    public SessionStoreProperties {
        Objects.requireNonNull(keyPrefix, "sessionstore.key-prefix");
        Objects.requireNonNull(commandTimeout, "sessionstore.command-timeout");
        Objects.requireNonNull(session, "sessionstore.session");
        if (redisUrl != null && !redisUrl.startsWith("redis://") && !redisUrl.startsWith("rediss://")) {
            throw new IllegalArgumentException("sessionstore.redis-url must start with redis:// or rediss://");
        }
        if (!keyPrefix.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new IllegalArgumentException(
                    "sessionstore.key-prefix must be 1 to 64 letters, digits or _ . : -: " + keyPrefix);
        }
        if (commandTimeout.compareTo(Duration.ofMillis(1)) < 0 || commandTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException(
                    "sessionstore.command-timeout must be between 1ms and 1m: " + commandTimeout);
        }
        if (directConnections != null
                && (directConnections < 0 || directConnections > RedisClientSettings.MAX_DIRECT_CONNECTIONS)) {
            throw new IllegalArgumentException("sessionstore.direct-connections must be 0 (off) to "
                    + RedisClientSettings.MAX_DIRECT_CONNECTIONS + ": " + directConnections);
        }
        if (!RedisSessionStoreBuilder.isIndexListingRate(indexListingRate)) {
            throw new IllegalArgumentException("sessionstore.index-listing-rate must be 0 (unpaced) or 10 to "
                    + RedisSessionStoreBuilder.MAX_INDEX_LISTING_RATE + ": " + indexListingRate);
        }
    }

    /** The direct-connection limit as configured, if it is. */
    public OptionalInt directConnectionsIfSet() {
        return directConnections == null ? OptionalInt.empty() : OptionalInt.of(directConnections);
    }

    /** The Redis URL as configured, if it is. */
    public Optional<String> redisUrlIfSet() {
        return Optional.ofNullable(redisUrl);
    }

    /**
     * The {@code sessionstore.session.*} properties.
     *
     * @param allowedTypes attribute value types the codec accepts beyond Spring Security's: class names, or package
     *     names ending in {@code .*}; default none
     * @param absoluteTimeout the longest a session lives however active it is; default none
     * @param securityContextCache how many sessions' decoded Spring Security contexts are kept, so that a request whose
     *     session's stored context is unchanged does not decode it again; 0 (decode on every request) to 1,000,000;
     *     default 10,000 (see {@code SessionStoreRepositoryOptions.securityContextCache})
     */
    public record Session(
            @DefaultValue List<String> allowedTypes,
            @Nullable Duration absoluteTimeout,
            @DefaultValue("10000") int securityContextCache) {
        public Session {
            allowedTypes = List.copyOf(Objects.requireNonNull(allowedTypes, "sessionstore.session.allowed-types"));
            for (String type : allowedTypes) {
                if (!type.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*(\\.\\*)?")) {
                    throw new IllegalArgumentException(
                            "sessionstore.session.allowed-types: not a class or package.* name: " + type);
                }
            }
            if (absoluteTimeout != null && (absoluteTimeout.isNegative() || absoluteTimeout.isZero())) {
                throw new IllegalArgumentException(
                        "sessionstore.session.absolute-timeout must be positive: " + absoluteTimeout);
            }
            if (securityContextCache < 0
                    || securityContextCache > SessionStoreRepositoryOptions.MAX_SECURITY_CONTEXT_CACHE) {
                throw new IllegalArgumentException("sessionstore.session.security-context-cache must be 0 (off) to "
                        + SessionStoreRepositoryOptions.MAX_SECURITY_CONTEXT_CACHE + ": " + securityContextCache);
            }
        }

        /** The absolute timeout, if set. */
        public Optional<Duration> absoluteTimeoutIfSet() {
            return Optional.ofNullable(absoluteTimeout);
        }
    }
}
