package dev.sessionstore.server.ops;

import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Times every request, whichever route serves it or none, as {@code http_server_requests_seconds{method,route,status}}
 * histograms: applied once, as the server's outermost filter. {@code route} is the template of the route that served
 * the request ({@code /v1/users/{userId}/sessions}), or {@value #UNMATCHED} when none did (the 404 and 405 of the last
 * route, or a refusal before routing such as a 401); a method outside the standard ones is {@code OTHER}. So clients
 * cannot grow the number of series. Thread-safe.
 */
public final class RequestMetrics implements Filter {
    /** The route tag of a request no route served. */
    static final String UNMATCHED = "unmatched";

    /** Histogram buckets: fine below a millisecond, where a healthy store answers, coarse above. */
    static final Duration[] BUCKETS = Stream.of(
                    100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000,
                    2_500_000, 5_000_000)
            .map(Duration::ofNanos)
            .map(d -> d.multipliedBy(1000))
            .toArray(Duration[]::new);

    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private record Key(String method, String route, int status) {}

    private final MeterRegistry registry;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        String method = method(req.prologue().method());
        res.whenSent(() -> timer(new Key(method, route(req), res.status().code()))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        chain.proceed();
    }

    /** The template of the route that served the request; the catch-all route has an empty one. */
    private static String route(RoutingRequest req) {
        return req.matchingPattern().filter(p -> !p.isEmpty()).orElse(UNMATCHED);
    }

    private static String method(Method method) {
        String name = method.text();
        return METHODS.contains(name) ? name : "OTHER";
    }

    private Timer timer(Key key) {
        return timers.computeIfAbsent(
                key,
                k -> Timer.builder("http.server.requests")
                        .tag("method", k.method())
                        .tag("route", k.route())
                        .tag("status", Integer.toString(k.status()))
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry));
    }
}
