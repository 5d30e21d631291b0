package dev.sessionstore.server.ops;

import dev.sessionstore.coordination.BreakerState;
import dev.sessionstore.server.jobs.ServerCoordination;
import dev.sessionstore.server.webhooks.WebhookDispatcher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToLongFunction;

/**
 * Exports the webhook counters ({@code sessionstore_webhook_*}) and the breaker states ({@code
 * sessionstore_breaker_open}: 1 while open or forced open; {@code sessionstore_breaker_local_fallback}) of this
 * instance.
 */
public final class CoordinationMetrics {
    private CoordinationMetrics() {}

    public static void bind(ServerCoordination c, MeterRegistry registry) {
        webhook(c, registry, "delivered", WebhookDispatcher.Stats::delivered);
        webhook(c, registry, "dropped", WebhookDispatcher.Stats::dropped);
        webhook(c, registry, "given_up", WebhookDispatcher.Stats::givenUp);
        webhook(c, registry, "failed_attempts", WebhookDispatcher.Stats::failedAttempts);
        webhook(c, registry, "refused_attempts", WebhookDispatcher.Stats::refusedAttempts);
        webhook(c, registry, "queued", WebhookDispatcher.Stats::queued);
        c.breakers().forEach(b -> {
            Gauge.builder("sessionstore.breaker.open", b, x -> isOpen(x.state()) ? 1 : 0)
                    .tag("breaker", b.name())
                    .register(registry);
            Gauge.builder("sessionstore.breaker.local_fallback", b, x -> x.isLocalFallback() ? 1 : 0)
                    .tag("breaker", b.name())
                    .register(registry);
        });
    }

    private static boolean isOpen(BreakerState state) {
        return state == BreakerState.OPEN || state == BreakerState.FORCED_OPEN;
    }

    private static void webhook(
            ServerCoordination c, MeterRegistry registry, String name, ToLongFunction<WebhookDispatcher.Stats> f) {
        if (c.webhookStats().isPresent()) {
            Gauge.builder(
                            "sessionstore.webhook." + name,
                            c,
                            x -> x.webhookStats().map(f::applyAsLong).orElse(0L))
                    .register(registry);
        }
    }
}
