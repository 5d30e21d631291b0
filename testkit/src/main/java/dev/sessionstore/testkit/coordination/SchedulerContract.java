package dev.sessionstore.testkit.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.JobDefinition;
import dev.sessionstore.coordination.JobRun;
import dev.sessionstore.coordination.JobTask;
import dev.sessionstore.coordination.MissedSlotPolicy;
import dev.sessionstore.coordination.RunOutcome;
import dev.sessionstore.coordination.Schedule;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@code Scheduler} implementation must do. Instances run on {@link MutableClock}s the test
 * moves, so slots come due without waiting.
 */
public abstract class SchedulerContract {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Instant START = Instant.parse("2030-01-01T00:00:00.500Z");

    private final List<Coordination> opened = new ArrayList<>();
    protected final MutableClock clock = MutableClock.at(START);

    /** A new instance sharing the backend of every other instance of this test. */
    protected abstract Coordination newInstance(String instanceId, Clock clock, SchedulerOptions options);

    private Coordination instance(String id, Clock c) {
        Coordination coordination =
                newInstance(id, c, SchedulerOptions.defaults().withHistoryLength(20));
        opened.add(coordination);
        return coordination;
    }

    @AfterEach
    void closeInstances() {
        opened.forEach(Coordination::close);
    }

    private static String jobName() {
        return "job-" + UUID.randomUUID();
    }

    private static JobTask counting(Map<Instant, AtomicInteger> runs) {
        return ctx -> runs.computeIfAbsent(ctx.slot(), s -> new AtomicInteger()).incrementAndGet();
    }

    @Test
    void runDueJobs_slotDue_runsOnceAcrossInstances() {
        String job = jobName();
        Map<Instant, AtomicInteger> runs = new ConcurrentHashMap<>();
        List<Coordination> all = List.of(instance("a", clock), instance("b", clock), instance("c", clock));
        all.forEach(c -> c.scheduler().register(JobDefinition.of(job, Schedule.fixedRate(SECOND), counting(runs))));
        for (int i = 0; i < 5; i++) {
            clock.advance(SECOND);
            all.forEach(c -> c.scheduler().runDueJobs());
        }
        assertThat(runs).hasSize(5);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(runs.keySet())
                .allSatisfy(slot -> assertThat(slot.toEpochMilli() % 1000).isZero());
    }

    @Test
    void skewedClocks_eachSlotRunsExactlyOnce() {
        String job = jobName();
        Map<Instant, AtomicInteger> runs = new ConcurrentHashMap<>();
        List<Coordination> all = List.of(
                instance("on-time", clock),
                instance("ahead", clock.skewed(Duration.ofSeconds(3))),
                instance("behind", clock.skewed(Duration.ofSeconds(-2))));
        all.forEach(c -> c.scheduler().register(JobDefinition.of(job, Schedule.fixedRate(SECOND), counting(runs))));
        for (int i = 0; i < 60; i++) {
            clock.advance(SECOND);
            all.forEach(c -> c.scheduler().runDueJobs());
        }
        Instant first = Instant.parse("2030-01-01T00:00:01Z");
        for (int i = 0; i < 60; i++) {
            assertThat(runs.get(first.plusSeconds(i)))
                    .as("slot %d", i)
                    .isNotNull()
                    .hasValue(1);
        }
        assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    }

    @Test
    void missedSlots_skip_runsOnlyTheOnTimeSlot() {
        String job = jobName();
        Map<Instant, AtomicInteger> runs = new ConcurrentHashMap<>();
        Coordination a = instance("a", clock);
        a.scheduler().register(JobDefinition.of(job, Schedule.fixedRate(SECOND), counting(runs)));
        clock.advance(Duration.ofSeconds(10));
        assertThat(a.scheduler().runDueJobs()).hasSize(1);
        assertThat(runs).containsOnlyKeys(Instant.parse("2030-01-01T00:00:10Z"));
    }

    @Test
    void missedSlots_catchUpOnce_runsLatestMissedOnceAcrossInstances() {
        String job = jobName();
        Map<Instant, AtomicInteger> runs = new ConcurrentHashMap<>();
        List<Coordination> all = List.of(instance("a", clock), instance("b", clock));
        all.forEach(c -> c.scheduler()
                .register(JobDefinition.of(job, Schedule.fixedRate(Duration.ofSeconds(10)), counting(runs))
                        .withMisfireGrace(SECOND)
                        .withMissedSlotPolicy(MissedSlotPolicy.CATCH_UP_ONCE)));
        clock.advance(Duration.ofSeconds(35));
        all.forEach(c -> c.scheduler().runDueJobs());
        assertThat(runs).containsOnlyKeys(Instant.parse("2030-01-01T00:00:30Z"));
        assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    }

    @Test
    void history_keepsNewestRunsFirst_boundedAndFenced() {
        String job = jobName();
        Coordination a = instance("a", clock);
        a.scheduler().register(JobDefinition.of(job, Schedule.fixedRate(SECOND), ctx -> {}));
        for (int i = 0; i < 25; i++) {
            clock.advance(SECOND);
            a.scheduler().runDueJobs();
        }
        List<JobRun> history = a.scheduler().history(job, 20);
        assertThat(history).hasSize(20);
        assertThat(history.get(0).slot()).isEqualTo(Instant.parse("2030-01-01T00:00:25Z"));
        assertThat(history).allSatisfy(r -> {
            assertThat(r.instance()).isEqualTo("a");
            assertThat(r.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
            assertThat(r.finished()).isAfterOrEqualTo(r.started());
        });
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).slot()).isBefore(history.get(i - 1).slot());
            assertThat(history.get(i).fence()).isLessThan(history.get(i - 1).fence());
        }
        assertThat(instance("b", clock).scheduler().history(job, 3)).containsExactlyElementsOf(history.subList(0, 3));
    }

    @Test
    void failingTask_isRecordedAsFailed() {
        String job = jobName();
        Coordination a = instance("a", clock);
        a.scheduler().register(JobDefinition.of(job, Schedule.fixedRate(SECOND), ctx -> {
            throw new IllegalStateException("boom");
        }));
        clock.advance(SECOND);
        assertThat(a.scheduler().runDueJobs())
                .singleElement()
                .extracting(JobRun::outcome)
                .isEqualTo(RunOutcome.FAILED);
        assertThat(a.scheduler().history(job, 1))
                .singleElement()
                .extracting(JobRun::outcome)
                .isEqualTo(RunOutcome.FAILED);
    }

    @Test
    void cronSchedule_runsAtMatchingMinutesOnly() {
        String job = jobName();
        Map<Instant, AtomicInteger> runs = new ConcurrentHashMap<>();
        Coordination a = instance("a", clock);
        a.scheduler().register(JobDefinition.of(job, Schedule.cron("*/15 * * * *"), counting(runs)));
        for (int i = 0; i < 60; i++) {
            clock.advance(Duration.ofMinutes(1));
            a.scheduler().runDueJobs();
        }
        assertThat(runs.keySet())
                .containsExactlyInAnyOrder(
                        Instant.parse("2030-01-01T00:15:00Z"),
                        Instant.parse("2030-01-01T00:30:00Z"),
                        Instant.parse("2030-01-01T00:45:00Z"),
                        Instant.parse("2030-01-01T01:00:00Z"));
    }

    @Test
    void start_runsDueSlotsInTheBackground() {
        String job = jobName();
        Map<Instant, AtomicInteger> runs = new ConcurrentHashMap<>();
        Coordination a = newInstance("a", clock, SchedulerOptions.defaults().withPollInterval(Duration.ofMillis(20)));
        opened.add(a);
        a.scheduler().register(JobDefinition.of(job, Schedule.fixedRate(SECOND), counting(runs)));
        a.scheduler().start();
        a.scheduler().start();
        clock.advance(SECOND);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(2))
                .until(() -> !a.scheduler().history(job, 1).isEmpty());
        assertThat(a.scheduler().history(job, 1))
                .singleElement()
                .extracting(JobRun::outcome)
                .isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(runs).containsOnlyKeys(Instant.parse("2030-01-01T00:00:01Z"));
    }

    @Test
    void register_sameNameTwice_throws() {
        Coordination a = instance("a", clock);
        String job = jobName();
        a.scheduler().register(JobDefinition.of(job, Schedule.fixedRate(SECOND), ctx -> {}));
        assertThatThrownBy(() -> a.scheduler().register(JobDefinition.of(job, Schedule.fixedRate(SECOND), ctx -> {})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(job);
    }

    @Test
    void runningJob_seesItsSlotFenceAndInstance() {
        String job = jobName();
        Coordination a = instance("a", clock);
        List<String> seen = new ArrayList<>();
        a.scheduler()
                .register(JobDefinition.of(
                        job,
                        Schedule.fixedRate(SECOND),
                        ctx -> seen.add(ctx.job() + "/" + ctx.slot() + "/" + ctx.instanceId() + "/" + (ctx.fence() > 0)
                                + "/" + ctx.lease().isLost())));
        clock.advance(SECOND);
        a.scheduler().runDueJobs();
        assertThat(seen).containsExactly(job + "/2030-01-01T00:00:01Z/a/true/false");
    }
}
