package dev.sessionstore.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void delayAfter_doublesPerAttemptUpToTheCap() {
        assertThat(policy.delayAfter(1, 0.999999)).isEqualTo(Duration.ofMillis(99));
        assertThat(policy.delayAfter(2, 0.999999)).isEqualTo(Duration.ofMillis(199));
        assertThat(policy.delayAfter(3, 0.999999)).isEqualTo(Duration.ofMillis(399));
        assertThat(policy.delayAfter(5, 0.999999)).isEqualTo(Duration.ofMillis(999));
        assertThat(policy.delayAfter(40, 0.999999)).isEqualTo(Duration.ofMillis(999));
    }

    @Test
    void delayAfter_jitterKeepsAtLeastHalfTheBackoff() {
        assertThat(policy.delayAfter(1, 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(policy.delayAfter(3, 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayAfter(3, 0.5)).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void constructor_badSettings_areRefusedNamingThem() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("initialDelay");
    }
}
