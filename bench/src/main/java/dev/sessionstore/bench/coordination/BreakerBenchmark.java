package dev.sessionstore.bench.coordination;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The breaker's call path (permission + recorded success) per second: the shared breaker with an
 * in-memory or Redis backend (publication runs in the background either way) vs Resilience4j's
 * {@code CircuitBreaker} in the same run. The call path must stay within 2x of Resilience4j.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(2)
// JMH sets the @Param field and calls the @Setup method before any benchmark method
@SuppressWarnings("NullAway.Init")
public class BreakerBenchmark {
    private static final Duration ELAPSED = Duration.ofNanos(1_000);

    @Param({"memory", "redis"})
    public String backend;

    private CoordinationBackend coordination;
    private CircuitBreaker shared;
    private io.github.resilience4j.circuitbreaker.CircuitBreaker resilience4j;

    @Setup(Level.Trial)
    public void start() {
        coordination = CoordinationBackend.start(backend);
        shared = coordination.coordination().breakers().breaker("bench", BreakerConfig.defaults());
        resilience4j = io.github.resilience4j.circuitbreaker.CircuitBreaker.of(
                "bench",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(20)
                        .failureRateThreshold(50)
                        .slowCallDurationThreshold(Duration.ofSeconds(5))
                        .build());
    }

    @TearDown(Level.Trial)
    public void stop() {
        coordination.close();
    }

    @Benchmark
    public boolean sharedBreaker() {
        boolean permitted = shared.tryAcquirePermission();
        if (permitted) {
            shared.onResult(ELAPSED, true);
        }
        return permitted;
    }

    @Benchmark
    public boolean resilience4jBreaker() {
        boolean permitted = resilience4j.tryAcquirePermission();
        if (permitted) {
            resilience4j.onSuccess(ELAPSED.toNanos(), TimeUnit.NANOSECONDS);
        }
        return permitted;
    }
}
