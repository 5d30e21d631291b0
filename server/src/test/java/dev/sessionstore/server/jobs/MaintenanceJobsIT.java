package dev.sessionstore.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.coordination.JobRun;
import dev.sessionstore.coordination.RunOutcome;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.coordination.redis.RedisCoordination;
import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.redis.RedisSessionStore;
import dev.sessionstore.redis.support.RedisClients;
import io.lettuce.core.resource.ClientResources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Three server instances' maintenance jobs on one Redis: every slot runs once, every admin page sees the result. */
class MaintenanceJobsIT {

    @Test
    void statsJob_onThreeInstances_runsExactlyOncePerSlotAndEveryInstanceSeesTheFigures() {
        MaintenanceOptions options = new MaintenanceOptions(Duration.ofMillis(500), Duration.ofMillis(500));
        List<ServerCoordination> instances = new ArrayList<>();
        RedisServerProcess redis = RedisServerProcess.startEphemeral();
        ClientResources resources = RedisClients.newResources();
        RedisSessionStore store = RedisSessionStore.builder()
                .redisUri(redis.uri())
                .clientResources(resources)
                .events(true)
                .build();
        SharedRedis shared = new SharedRedis(
                redis.uri(), false, Optional.empty(), resources, store.inspection(), Optional.of(store.events()));
        try {
            for (int i = 1; i <= 3; i++) {
                String id = "server-" + i;
                instances.add(ServerCoordination.start(
                        RedisCoordination.builder(redis.uri())
                                .instanceId(id)
                                .schedulerOptions(SchedulerOptions.defaults().withPollInterval(Duration.ofMillis(100)))
                                .clientResources(resources)
                                .build(),
                        Optional.empty(),
                        options,
                        (at, instance, fence) -> new StoreStats(
                                OptionalLong.of(42), OptionalLong.of(4200), OptionalLong.empty(), at, instance, fence),
                        Optional.of(shared),
                        Clock.systemUTC()));
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            instances.get(0).history(MaintenanceJobs.STATS, 100).size() >= 8);
            assertThat(instances.get(0).jobs()).containsExactly(MaintenanceJobs.STATS, MaintenanceJobs.EXPIRY);

            List<JobRun> runs = instances.get(1).history(MaintenanceJobs.STATS, 100);
            Map<Instant, Long> perSlot =
                    runs.stream().collect(Collectors.groupingBy(JobRun::slot, Collectors.counting()));
            assertThat(perSlot.values()).as("runs per slot").containsOnly(1L);
            assertThat(runs).allMatch(r -> r.outcome() == RunOutcome.SUCCEEDED);
            assertThat(runs).extracting(JobRun::fence).doesNotHaveDuplicates();
            assertThat(runs.stream().map(JobRun::instance).collect(Collectors.toSet()))
                    .isSubsetOf("server-1", "server-2", "server-3");

            List<StoreStats> seen = instances.stream()
                    .map(s -> s.stats().latest().orElseThrow())
                    .toList();
            assertThat(seen).allMatch(s -> s.liveSessions().equals(OptionalLong.of(42)));
            assertThat(seen.get(0).datasetBytesPerLiveSession()).hasValue(100);
            Map<String, JobRun> expiry = instances.get(2).history(MaintenanceJobs.EXPIRY, 100).stream()
                    .collect(Collectors.toMap(r -> r.slot().toString(), Function.identity()));
            assertThat(expiry).isNotEmpty();
        } finally {
            instances.forEach(ServerCoordination::close);
            store.close();
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            redis.stop();
        }
    }
}
