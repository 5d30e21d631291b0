package dev.sessionstore.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerForce;
import dev.sessionstore.coordination.internal.BreakerBackend.Batch;
import dev.sessionstore.coordination.internal.BreakerBackend.Mode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClusterBreakerRulesTest {
    private static final BreakerConfig CONFIG = BreakerConfig.defaults()
            .withMinimumCalls(10)
            .withWindow(Duration.ofSeconds(10))
            .withOpenDuration(Duration.ofSeconds(5))
            .withHalfOpenProbes(2);
    private static final Batch NOTHING = new Batch(0, 0, 0, 0, false);
    private static final Batch WANT = new Batch(0, 0, 0, 0, true);

    private final ClusterBreakerRules rules = new ClusterBreakerRules();

    @Test
    void belowMinimumCalls_staysClosedEvenAtFullFailure() {
        assertThat(rules.sync(new Batch(9, 9, 0, 0, false), CONFIG, 1_000).mode())
                .isEqualTo(Mode.CLOSED);
        assertThat(rules.sync(new Batch(1, 1, 0, 0, false), CONFIG, 1_100).mode())
                .isEqualTo(Mode.OPEN);
    }

    @Test
    void failuresOlderThanTheWindow_doNotCount() {
        rules.sync(new Batch(9, 9, 0, 0, false), CONFIG, 1_000);
        assertThat(rules.sync(new Batch(1, 1, 0, 0, false), CONFIG, 12_000).mode())
                .isEqualTo(Mode.CLOSED);
    }

    @Test
    void open_afterOpenDuration_grantsAtMostProbePermitsPerRound() {
        rules.sync(new Batch(10, 10, 0, 0, false), CONFIG, 1_000);
        assertThat(rules.sync(WANT, CONFIG, 5_999).mode()).isEqualTo(Mode.OPEN);
        int granted = 0;
        for (int i = 0; i < 10; i++) {
            granted += rules.sync(WANT, CONFIG, 6_000 + i).grantedProbes();
        }
        assertThat(granted).isEqualTo(2);
        assertThat(rules.sync(WANT, CONFIG, 11_000).grantedProbes())
                .as("a new round after a silent one")
                .isEqualTo(1);
    }

    @Test
    void probeSuccesses_close_andOldFailuresAreForgotten() {
        rules.sync(new Batch(10, 10, 0, 0, false), CONFIG, 1_000);
        rules.sync(WANT, CONFIG, 6_000);
        assertThat(rules.sync(new Batch(0, 0, 2, 0, false), CONFIG, 6_100).mode())
                .isEqualTo(Mode.CLOSED);
        assertThat(rules.sync(new Batch(1, 0, 0, 0, false), CONFIG, 7_100).mode())
                .isEqualTo(Mode.CLOSED);
    }

    @Test
    void probeFailure_reopens() {
        rules.sync(new Batch(10, 10, 0, 0, false), CONFIG, 1_000);
        rules.sync(WANT, CONFIG, 6_000);
        assertThat(rules.sync(new Batch(0, 0, 1, 1, false), CONFIG, 6_100).mode())
                .isEqualTo(Mode.OPEN);
        assertThat(rules.sync(NOTHING, CONFIG, 11_099).mode()).isEqualTo(Mode.OPEN);
        assertThat(rules.sync(NOTHING, CONFIG, 11_100).mode()).isEqualTo(Mode.HALF_OPEN);
    }

    @Test
    void force_isReportedWithoutChangingTheComputedMode() {
        rules.force(BreakerForce.FORCE_OPEN);
        var view = rules.sync(NOTHING, CONFIG, 1_000);
        assertThat(view.force()).isEqualTo(BreakerForce.FORCE_OPEN);
        assertThat(view.mode()).isEqualTo(Mode.CLOSED);
    }
}
