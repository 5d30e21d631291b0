package dev.sessionstore.coordination.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.JobDefinition;
import dev.sessionstore.coordination.JobRun;
import dev.sessionstore.coordination.Schedule;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Three scheduler instances with their own connections, one clock 4 s behind, over 1,000 slots. */
class SchedulerClusterIT {
    private static final Instant START = Instant.parse("2031-06-01T00:00:00.250Z");
    private static final int SLOTS = 1000;

    @Test
    void thousandSlots_threeInstancesOneSkewed_everySlotRunsExactlyOnce() throws Exception {
        MutableClock clock = MutableClock.at(START);
        Map<Instant, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perInstance = new ConcurrentHashMap<>();
        SchedulerOptions options = SchedulerOptions.defaults().withHistoryLength(50);
        try (RedisServerProcess redis = RedisServerProcess.startEphemeral();
                Coordination a = RedisFixture.instance(redis, "a", clock, options);
                Coordination b = RedisFixture.instance(redis, "b", clock, options);
                Coordination skewed =
                        RedisFixture.instance(redis, "skewed", clock.skewed(Duration.ofSeconds(-4)), options);
                ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Coordination> all = List.of(a, b, skewed);
            for (Coordination c : all) {
                c.scheduler().register(JobDefinition.of("tick", Schedule.fixedRate(Duration.ofSeconds(1)), ctx -> {
                    runs.computeIfAbsent(ctx.slot(), s -> new AtomicInteger()).incrementAndGet();
                    perInstance
                            .computeIfAbsent(ctx.instanceId(), s -> new AtomicInteger())
                            .incrementAndGet();
                }));
            }
            List<Callable<List<JobRun>>> polls = all.stream()
                    .<Callable<List<JobRun>>>map(c -> () -> c.scheduler().runDueJobs())
                    .toList();
            for (int i = 0; i < SLOTS; i++) {
                clock.advance(Duration.ofSeconds(1));
                for (Future<List<JobRun>> f : pool.invokeAll(polls)) {
                    f.get();
                }
            }
            Instant first = START.plusMillis(750);
            for (int i = 0; i < SLOTS; i++) {
                assertThat(runs.get(first.plusSeconds(i)))
                        .as("slot %d", i)
                        .isNotNull()
                        .hasValue(1);
            }
            assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
            assertThat(perInstance.keySet()).contains("a", "b");
            List<JobRun> history = skewed.scheduler().history("tick", 50);
            assertThat(history).hasSize(50);
            assertThat(history.get(0).slot()).isEqualTo(first.plusSeconds(SLOTS - 1));
            assertThat(history.stream().map(JobRun::slot)).doesNotHaveDuplicates();
        }
    }
}
