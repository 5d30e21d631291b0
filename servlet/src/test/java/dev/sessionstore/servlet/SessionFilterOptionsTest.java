package dev.sessionstore.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionFilterOptionsTest {

    @Test
    void defaults_hostCookieSecureThirtyMinutes() {
        SessionFilterOptions o = SessionFilterOptions.defaults();

        assertThat(o.effectiveCookieName()).isEqualTo("__Host-session");
        assertThat(o.insecureDevelopmentCookie()).isFalse();
        assertThat(o.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(o.absoluteTimeout()).isEmpty();
    }

    @Test
    void insecureDevelopmentCookie_dropsThePrefix() {
        assertThat(SessionFilterOptions.builder()
                        .insecureDevelopmentCookie(true)
                        .build()
                        .effectiveCookieName())
                .isEqualTo("session");
        assertThat(SessionFilterOptions.builder()
                        .cookieName("app")
                        .insecureDevelopmentCookie(true)
                        .build()
                        .effectiveCookieName())
                .isEqualTo("app");
    }

    @Test
    void badCookieName_isRefusedNamingSettingAndValue() {
        assertThatThrownBy(
                        () -> SessionFilterOptions.builder().cookieName("a b").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cookieName")
                .hasMessageContaining("'a b'");
        assertThatThrownBy(() -> SessionFilterOptions.builder().cookieName("").build())
                .hasMessageContaining("cookieName");
        assertThatThrownBy(() -> SessionFilterOptions.builder()
                        .cookieName("x".repeat(65))
                        .build())
                .hasMessageContaining("cookieName");
        assertThatThrownBy(() -> SessionFilterOptions.builder()
                        .cookieName("__Host-")
                        .insecureDevelopmentCookie(true)
                        .build())
                .hasMessageContaining("cookieName")
                .hasMessageContaining("__Host-");
    }

    @Test
    void timeoutsUnderOneSecond_areRefusedNamingSettingAndValue() {
        assertThatThrownBy(() -> SessionFilterOptions.builder()
                        .idleTimeout(Duration.ofMillis(500))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idleTimeout")
                .hasMessageContaining("PT0.5S");
        assertThatThrownBy(() -> SessionFilterOptions.builder()
                        .absoluteTimeout(Duration.ofSeconds(-1))
                        .build())
                .hasMessageContaining("absoluteTimeout")
                .hasMessageContaining("PT-1S");
    }
}
