package dev.sessionstore.server;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;

/** Wraps handlers to record {@code http_server_requests_seconds{method,route,status}} histograms. */
final class RouteMetrics {
    /** Histogram buckets: fine below a millisecond, where a healthy store answers, coarse above. */
    static final Duration[] BUCKETS = Stream.of(
                    100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000,
                    2_500_000, 5_000_000)
            .map(Duration::ofNanos)
            .map(d -> d.multipliedBy(1000))
            .toArray(Duration[]::new);

    private final MeterRegistry registry;

    RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Handler timed(Method method, String route, Handler handler) {
        String methodName = method.text();
        AtomicReferenceArray<Timer> byStatus = new AtomicReferenceArray<>(600);
        return (req, res) -> {
            long start = System.nanoTime();
            res.whenSent(
                    () -> timerFor(byStatus, methodName, route, res.status().code())
                            .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
            handler.handle(req, res);
        };
    }

    private Timer timerFor(AtomicReferenceArray<Timer> byStatus, String method, String route, int status) {
        int slot = status >= 0 && status < byStatus.length() ? status : 0;
        Timer t = byStatus.get(slot);
        if (t == null) {
            t = timer(method, route, status);
            byStatus.set(slot, t);
        }
        return t;
    }

    private Timer timer(String method, String route, int status) {
        return Timer.builder("http.server.requests")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
