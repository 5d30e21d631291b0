package dev.sessionstore.testkit.coordination;

import static dev.sessionstore.testkit.coordination.CoordinationSupport.SECOND;
import static dev.sessionstore.testkit.coordination.CoordinationSupport.START;
import static dev.sessionstore.testkit.coordination.CoordinationSupport.counting;
import static dev.sessionstore.testkit.coordination.CoordinationSupport.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.JobDefinition;
import dev.sessionstore.coordination.JobRun;
import dev.sessionstore.coordination.LeaseLostException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What every {@code Scheduler} implementation must do. Instances run on {@link MutableClock}s the test
 * moves, so slots come due without waiting; the backend keeps real time.
 */
public interface SchedulerContract extends CoordinationFixture {

    /** An instance on {@code clock} keeping 20 runs of history per job. */
    private Coordination instance(String id, Clock clock) {
        return openInstance(id, clock, SchedulerOptions.defaults().withHistoryLength(20));
    }

    @Test
    default void runDueJobs_slotDue_runsOnceAcrossInstances() {
        MutableClock clock = MutableClock.at(START);
        String job = uniqueName("job");
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
    default void skewedClocks_eachSlotRunsExactlyOnce() {
        MutableClock clock = MutableClock.at(START);
        String job = uniqueName("job");
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
    default void missedSlots_skip_runsOnlyTheOnTimeSlot() {
        MutableClock clock = MutableClock.at(START);
        String job = uniqueName("job");
        Map<Instant, AtomicInteger> runs = new ConcurrentHashMap<>();
        Coordination a = instance("a", clock);
        a.scheduler().register(JobDefinition.of(job, Schedule.fixedRate(SECOND), counting(runs)));
        clock.advance(Duration.ofSeconds(10));
        assertThat(a.scheduler().runDueJobs()).hasSize(1);
        assertThat(runs).containsOnlyKeys(Instant.parse("2030-01-01T00:00:10Z"));
    }

    @Test
    default void missedSlots_catchUpOnce_runsLatestMissedOnceAcrossInstances() {
        MutableClock clock = MutableClock.at(START);
        String job = uniqueName("job");
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
    default void history_keepsNewestRunsFirst_boundedAndFenced() {
        MutableClock clock = MutableClock.at(START);
        String job = uniqueName("job");
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
    default void failingTask_isRecordedAsFailed() {
        MutableClock clock = MutableClock.at(START);
        String job = uniqueName("job");
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
    default void cronSchedule_runsAtMatchingMinutesOnly() {
        MutableClock clock = MutableClock.at(START);
        String job = uniqueName("job");
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
    default void start_runsDueSlotsInTheBackground() {
        MutableClock clock = MutableClock.at(START);
        String job = uniqueName("job");
        Map<Instant, AtomicInteger> runs = new ConcurrentHashMap<>();
        Coordination a = openInstance("a", clock, SchedulerOptions.defaults().withPollInterval(Duration.ofMillis(20)));
        a.scheduler().register(JobDefinition.of(job, Schedule.fixedRate(SECOND), counting(runs)));
        a.scheduler().start();
        a.scheduler().start();
        clock.advance(SECOND);
        await().atMost(Duration.ofSeconds(2))
                .until(() -> !a.scheduler().history(job, 1).isEmpty());
        assertThat(a.scheduler().history(job, 1))
                .singleElement()
                .extracting(JobRun::outcome)
                .isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(runs).containsOnlyKeys(Instant.parse("2030-01-01T00:00:01Z"));
    }

    @Test
    default void register_sameNameTwice_throws() {
        MutableClock clock = MutableClock.at(START);
        Coordination a = instance("a", clock);
        String job = uniqueName("job");
        a.scheduler().register(JobDefinition.of(job, Schedule.fixedRate(SECOND), ctx -> {}));
        assertThatThrownBy(() -> a.scheduler().register(JobDefinition.of(job, Schedule.fixedRate(SECOND), ctx -> {})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(job);
    }

    @Test
    default void runningJob_seesItsSlotFenceAndInstance() {
        MutableClock clock = MutableClock.at(START);
        String job = uniqueName("job");
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

    @Test
    default void leaseLostWhileRunning_runIsToldSo_andRecordedAsLeaseLostWithItsFence() {
        MutableClock clock = MutableClock.at(START);
        String job = uniqueName("job");
        Coordination a = instance("a", clock);
        Coordination b = instance("b", clock);
        AtomicLong fence = new AtomicLong();
        AtomicBoolean lostAtStart = new AtomicBoolean(true);
        AtomicBoolean lostAtEnd = new AtomicBoolean();
        AtomicBoolean toldByCallback = new AtomicBoolean();
        AtomicReference<Throwable> check = new AtomicReference<>();
        List<JobRun> takeover = new CopyOnWriteArrayList<>();
        JobDefinition definition = JobDefinition.of(job, Schedule.fixedRate(SECOND), ctx -> {
                    if (!ctx.instanceId().equals("a")) {
                        return; // b's run of the next slot, once it holds the job's lock
                    }
                    fence.set(ctx.fence());
                    lostAtStart.set(ctx.lease().isLost());
                    ctx.lease().onLost(lease -> toldByCallback.set(true));
                    // the run outlives its 300 ms lease: its clock passes the lease's end, the watchdog stops
                    // renewing, the lease lapses on the backend and b's run of the next slot takes the lock
                    clock.advance(SECOND);
                    takeover.addAll(b.scheduler().runDueJobs());
                    lostAtEnd.set(ctx.lease().isLost());
                    check.set(catchThrowable(() -> ctx.lease().check()));
                })
                .withMaxRunTime(Duration.ofMillis(300))
                .withMisfireGrace(Duration.ofSeconds(5));
        a.scheduler().register(definition);
        b.scheduler().register(definition);
        clock.advance(SECOND);

        List<JobRun> runs = a.scheduler().runDueJobs();

        assertThat(lostAtStart).as("the lease was held when the run started").isFalse();
        assertThat(lostAtEnd).as("the run's context reports the lease lost").isTrue();
        assertThat(check.get()).as("check() refuses").isInstanceOf(LeaseLostException.class);
        await().atMost(Duration.ofSeconds(2)).untilTrue(toldByCallback);
        assertThat(runs).hasSize(1);
        JobRun lost = runs.get(0);
        assertThat(lost.outcome()).isEqualTo(RunOutcome.LEASE_LOST);
        assertThat(lost.fence()).as("the fence of the lost lease").isPositive().isEqualTo(fence.get());
        assertThat(lost.instance()).isEqualTo("a");
        assertThat(lost.slot()).isEqualTo(Instant.parse("2030-01-01T00:00:01Z"));
        assertThat(takeover).as("b took the lock over and ran the next slot").hasSize(1);
        JobRun next = takeover.get(0);
        assertThat(next.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(next.slot()).isEqualTo(Instant.parse("2030-01-01T00:00:02Z"));
        assertThat(next.fence()).isGreaterThan(lost.fence());
        assertThat(b.scheduler().history(job, 2)).containsExactly(lost, next);
    }
}
