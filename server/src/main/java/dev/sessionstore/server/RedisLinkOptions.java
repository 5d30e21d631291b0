package dev.sessionstore.server;

import dev.sessionstore.redis.RedisSessionStoreBuilder;
import dev.sessionstore.redis.support.TrustedCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the server uses Redis beyond its URL: the CA it trusts for TLS, whether writes wait for replicas, and the pace of
 * index listings. Validated when built; the CA file is read then, so a bad one stops the server before it starts.
 *
 * @param caFile {@code --redis-ca-file}: a PEM file of the CA certificates trusted for {@code rediss://} instead of
 *     the JVM's; empty: the JVM's
 * @param waitReplicas {@code --redis-wait-replicas}: how many replicas must acknowledge each write ({@code WAIT})
 *     before the service answers it; 0: none
 * @param waitTimeout {@code --redis-wait-timeout-ms}: how long Redis waits for them; fewer in that time gets 503
 * @param indexListingRate {@code --index-listing-rate}: how many sessions a second the store's listings by index may
 *     load, all together ({@code RedisSessionStoreBuilder.indexListingRate}); 0: unpaced
 */
record RedisLinkOptions(Optional<Path> caFile, int waitReplicas, Duration waitTimeout, int indexListingRate) {
    static final RedisLinkOptions NONE = new RedisLinkOptions(
            Optional.empty(), 0, Duration.ofMillis(100), RedisSessionStoreBuilder.DEFAULT_INDEX_LISTING_RATE);

    RedisLinkOptions {
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(waitTimeout, "waitTimeout");
        caFile.ifPresent(f -> TrustedCertificates.read(f, "--redis-ca-file"));
        if (waitReplicas < 0 || waitReplicas > 100) {
            throw new IllegalArgumentException("--redis-wait-replicas must be in [0, 100]: " + waitReplicas);
        }
        if (waitTimeout.toMillis() < 1 || waitTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException(
                    "--redis-wait-timeout-ms must be in [1, 60000]: " + waitTimeout.toMillis());
        }
        if (!RedisSessionStoreBuilder.isIndexListingRate(indexListingRate)) {
            throw new IllegalArgumentException("--index-listing-rate must be 0 (unpaced) or in [10, "
                    + RedisSessionStoreBuilder.MAX_INDEX_LISTING_RATE + "]: " + indexListingRate);
        }
    }

    /** The trusted CA certificates, read again (the file was checked when these options were built). */
    Optional<TrustedCertificates> trust() {
        return caFile.map(f -> TrustedCertificates.read(f, "--redis-ca-file"));
    }
}
