package dev.sessionstore.coordination.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerListener;
import dev.sessionstore.coordination.BreakerState;
import dev.sessionstore.coordination.BreakerTransition;
import dev.sessionstore.coordination.CircuitBreaker;
import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.CoordinationUnavailableException;
import dev.sessionstore.coordination.FencedLease;
import dev.sessionstore.coordination.LockOptions;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.embedded.RedisServerProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redis is killed (SIGKILL) and started again mid-test. */
class RedisRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(8);
    private static final BreakerConfig CONFIG = BreakerConfig.defaults()
            .withMinimumCalls(10)
            .withWindow(Duration.ofSeconds(5))
            .withOpenDuration(Duration.ofMillis(500))
            .withHalfOpenProbes(1)
            .withPublishInterval(Duration.ofMillis(20));

    @TempDir
    Path dataDir;

    @Test
    void redisKilledAndRestarted_breakersFallBackLocallyThenShareAgain() {
        try (RedisServerProcess redis =
                RedisServerProcess.create(dataDir, RedisServerProcess.Persistence.NONE, 0, List.of())) {
            redis.start();
            List<Coordination> instances = new ArrayList<>();
            try {
                List<CircuitBreaker> cb = new ArrayList<>();
                List<String> fallbackEvents = new CopyOnWriteArrayList<>();
                for (String id : List.of("a", "b", "c")) {
                    Coordination c = RedisFixture.instance(redis, id, Clock.systemUTC(), SchedulerOptions.defaults());
                    instances.add(c);
                    CircuitBreaker b = c.breakers().breaker("downstream", CONFIG);
                    b.addListener(new BreakerListener() {
                        @Override
                        public void onTransition(BreakerTransition t) {}

                        @Override
                        public void onLocalFallback(String breaker, boolean fallback) {
                            fallbackEvents.add(id + ":" + fallback);
                        }
                    });
                    cb.add(b);
                }
                redis.kill();
                await().atMost(WAIT).until(() -> cb.stream().allMatch(CircuitBreaker::isLocalFallback));
                assertThat(instances)
                        .allSatisfy(c ->
                                assertThat(c.breakers().localFallbackCount()).isEqualTo(1));

                failures(cb.get(0), 12);
                await().atMost(WAIT).until(() -> cb.get(0).state() == BreakerState.OPEN);
                assertThat(cb.get(1).state()).as("local decisions stay local").isEqualTo(BreakerState.CLOSED);

                redis.start();
                await().atMost(WAIT).until(() -> cb.stream().noneMatch(CircuitBreaker::isLocalFallback));
                assertThat(fallbackEvents).contains("a:true", "b:true", "c:true", "a:false", "b:false", "c:false");
                await().atMost(WAIT).until(() -> cb.get(0).state() == BreakerState.CLOSED);

                cb.forEach(b -> failures(b, 5));
                await().atMost(WAIT).until(() -> cb.stream().allMatch(b -> b.state() == BreakerState.OPEN));
            } finally {
                instances.forEach(Coordination::close);
            }
        }
    }

    @Test
    void redisKilledAndRestarted_lockIsNotGrantedTwice() {
        try (RedisServerProcess redis =
                RedisServerProcess.create(dataDir, RedisServerProcess.Persistence.AOF_ALWAYS, 0, List.of())) {
            redis.start();
            try (Coordination a = RedisFixture.instance(redis, "a", Clock.systemUTC(), SchedulerOptions.defaults());
                    Coordination b =
                            RedisFixture.instance(redis, "b", Clock.systemUTC(), SchedulerOptions.defaults())) {
                FencedLease held = a.locks()
                        .tryAcquire(
                                "singleton",
                                LockOptions.lease(Duration.ofSeconds(4)).withWatchdog())
                        .orElseThrow();
                redis.kill();
                assertThatThrownBy(() -> b.locks().tryAcquire("singleton", LockOptions.lease(Duration.ofSeconds(4))))
                        .isInstanceOf(CoordinationUnavailableException.class);
                redis.start();
                await().atMost(WAIT)
                        .ignoreExceptions()
                        .until(() -> b.locks()
                                .tryAcquire("singleton", LockOptions.lease(Duration.ofSeconds(4)))
                                .isEmpty());
                await().atMost(WAIT).ignoreExceptions().until(held::renew);
                assertThat(held.isLost()).isFalse();
                long fence = held.fence();
                held.close();
                FencedLease next = b.locks()
                        .tryAcquire("singleton", LockOptions.lease(Duration.ofSeconds(4)))
                        .orElseThrow();
                assertThat(next.fence()).isGreaterThan(fence);
                next.close();
            }
        }
    }

    private static void failures(CircuitBreaker b, int n) {
        for (int i = 0; i < n; i++) {
            if (b.tryAcquirePermission()) {
                b.onResult(Duration.ofMillis(1), false);
            }
        }
    }
}
