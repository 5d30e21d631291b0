package dev.sessionstore.server.webhooks;

import dev.sessionstore.coordination.BreakerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how session events are delivered.
 *
 * @param url the receiver; {@code http} or {@code https}, with a host
 * @param connectTimeout TCP connect timeout of one attempt
 * @param requestTimeout whole-response timeout of one attempt
 * @param queueCapacity events kept in memory while waiting for delivery; beyond it the oldest is dropped
 * @param retry attempts and backoff of one event
 * @param breaker the shared {@code webhook} breaker's settings (every instance must use the same)
 * @param claimAfter with the Redis store's outbox: how long an event read but not acknowledged (its delivery failed,
 *     or its instance died) stays with its instance before any instance delivers it again
 */
public record WebhookConfig(
        URI url,
        Duration connectTimeout,
        Duration requestTimeout,
        int queueCapacity,
        RetryPolicy retry,
        BreakerConfig breaker,
        Duration claimAfter) {
    /** The shared circuit breaker's name. */
    public static final String BREAKER = "webhook";

    public WebhookConfig {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("webhook-url must be an http:// or https:// URL with a host: " + url);
        }
        positive("connectTimeout", connectTimeout);
        positive("requestTimeout", requestTimeout);
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(breaker, "breaker");
        if (queueCapacity < 1 || queueCapacity > 1_000_000) {
            throw new IllegalArgumentException("webhook queueCapacity must be in [1, 1000000]: " + queueCapacity);
        }
        Objects.requireNonNull(claimAfter, "claimAfter");
        if (claimAfter.compareTo(Duration.ofSeconds(1)) < 0 || claimAfter.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("webhook claim-after must be in [1s, 1h]: " + claimAfter);
        }
    }

    /**
     * Short timeouts (1 s connect, 2 s request), 10,000 queued events, {@link RetryPolicy#defaults()}, a breaker
     * that opens at 50 % failures over at least 10 calls in 10 s for 30 s, and outbox events claimed after 30 s.
     */
    public static WebhookConfig of(URI url) {
        return new WebhookConfig(
                url,
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                10_000,
                RetryPolicy.defaults(),
                BreakerConfig.defaults().withMinimumCalls(10).withSlowCallThreshold(Duration.ofSeconds(2)),
                Duration.ofSeconds(30));
    }

    /** Parses the {@code --webhook-url} option. */
    public static WebhookConfig parse(String url) {
        try {
            return of(new URI(url.trim()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("webhook-url is not a URL: " + e.getMessage(), e);
        }
    }

    public WebhookConfig withRetry(RetryPolicy r) {
        return new WebhookConfig(url, connectTimeout, requestTimeout, queueCapacity, r, breaker, claimAfter);
    }

    public WebhookConfig withBreaker(BreakerConfig b) {
        return new WebhookConfig(url, connectTimeout, requestTimeout, queueCapacity, retry, b, claimAfter);
    }

    public WebhookConfig withQueueCapacity(int n) {
        return new WebhookConfig(url, connectTimeout, requestTimeout, n, retry, breaker, claimAfter);
    }

    public WebhookConfig withClaimAfter(Duration d) {
        return new WebhookConfig(url, connectTimeout, requestTimeout, queueCapacity, retry, breaker, d);
    }

    private static void positive(String setting, Duration d) {
        Objects.requireNonNull(d, setting);
        if (d.isNegative() || d.isZero() || d.toSeconds() > 60) {
            throw new IllegalArgumentException("webhook " + setting + " must be in (0, 60s]: " + d);
        }
    }
}
