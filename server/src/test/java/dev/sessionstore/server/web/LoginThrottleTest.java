package dev.sessionstore.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @Test
    void afterFiveFailures_theSameUserAndAddressIsThrottled_untilTheWindowPasses() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
            throttle.failed("alice", "10.0.0.1");
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isPresent();
        assertThat(throttle.retryAfter("alice", "10.0.0.2")).isEmpty();
        assertThat(throttle.retryAfter("bob", "10.0.0.1")).isEmpty();

        clock.advance(LoginThrottle.WINDOW.minusSeconds(40));
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void success_clearsTheFailures() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("carol", "::1");
        }
        throttle.succeeded("carol", "::1");
        throttle.failed("carol", "::1");
        assertThat(throttle.retryAfter("carol", "::1")).isEmpty();
    }
}
