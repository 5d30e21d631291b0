package dev.sessionstore.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CoordinationConfigTest {
    @Test
    void breakerConfig_badSetting_namesSettingAndValue() {
        assertThatThrownBy(() -> BreakerConfig.defaults().withFailureRateThreshold(1.5))
                .hasMessageContaining("failureRateThreshold")
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> BreakerConfig.defaults().withPublishInterval(Duration.ofMillis(1)))
                .hasMessageContaining("publishInterval");
        assertThatThrownBy(() -> BreakerConfig.defaults().withHalfOpenProbes(0)).hasMessageContaining("halfOpenProbes");
    }

    @Test
    void lockOptions_leaseOutOfRange_throws() {
        assertThatThrownBy(() -> LockOptions.lease(Duration.ofMillis(1))).hasMessageContaining("lease");
        assertThat(LockOptions.lease(Duration.ofSeconds(1)).withWatchdog().withInterruptOnLoss())
                .isEqualTo(new LockOptions(Duration.ofSeconds(1), true, true));
    }

    @Test
    void names_rejectKeyBreakingCharacters() {
        assertThatThrownBy(() -> Names.check("lock name", "a}b")).hasMessageContaining("lock name");
        assertThatThrownBy(() -> Names.check("lock name", "x".repeat(129)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Names.check("lock name", "job.cleanup:1")).isEqualTo("job.cleanup:1");
    }

    @Test
    void fixedRate_slotsAreMultiplesOfThePeriod() {
        Schedule s = Schedule.fixedRate(Duration.ofSeconds(10));
        assertThat(s.nextAfter(Instant.parse("2030-01-01T00:00:05Z"))).contains(Instant.parse("2030-01-01T00:00:10Z"));
        assertThat(s.nextAfter(Instant.parse("2030-01-01T00:00:10Z"))).contains(Instant.parse("2030-01-01T00:00:20Z"));
        assertThat(s.latestIn(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:35Z")))
                .contains(Instant.parse("2030-01-01T00:00:30Z"));
        assertThat(s.latestIn(Instant.parse("2030-01-01T00:00:30Z"), Instant.parse("2030-01-01T00:00:35Z")))
                .isEmpty();
    }

    @Test
    void cronSchedule_latestInMatchesIteration() {
        Schedule s = Schedule.cron("*/7 * * * *");
        assertThat(s.latestIn(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-01T01:00:00Z")))
                .contains(Instant.parse("2030-01-01T01:00:00Z"));
        assertThat(s.latestIn(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:59:00Z")))
                .contains(Instant.parse("2030-01-01T00:56:00Z"));
    }

    @Test
    void jobDefinition_defaults_graceIsOnePeriodAtMostAMinute() {
        JobDefinition fast = JobDefinition.of("j", Schedule.fixedRate(Duration.ofSeconds(5)), ctx -> {});
        JobDefinition cron = JobDefinition.of("j", Schedule.cron("0 * * * *"), ctx -> {});
        assertThat(fast.misfireGrace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(cron.misfireGrace()).isEqualTo(Duration.ofMinutes(1));
        assertThat(fast.missedSlotPolicy()).isEqualTo(MissedSlotPolicy.SKIP);
        assertThatThrownBy(() -> fast.withMisfireGrace(Duration.ZERO)).hasMessageContaining("misfireGrace");
    }
}
