package dev.sessionstore.spring.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.json.AttributeCodec;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionStoreRepositoryOptionsTest {
    @Test
    void defaults_areThirtyMinutesIdle_theStoresAbsolute_andAllowSpringSecurity() {
        SessionStoreRepositoryOptions options = SessionStoreRepositoryOptions.defaults();

        assertThat(options.defaultIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(options.absoluteTimeout()).isEmpty();
        assertThat(options.securityContextCache())
                .isEqualTo(SessionStoreRepositoryOptions.DEFAULT_SECURITY_CONTEXT_CACHE)
                .isEqualTo(10_000);
        assertThat(options.codec()
                        .encode(Fixtures.securityContext("ann", "ROLE_USER"))
                        .json())
                .contains("SecurityContextImpl");
    }

    @Test
    void withers_replaceOneSetting() {
        AttributeCodec codec = AttributeCodec.builder().build();
        SessionStoreRepositoryOptions options = SessionStoreRepositoryOptions.defaults()
                .withDefaultIdleTimeout(Duration.ofMinutes(5))
                .withAbsoluteTimeout(Duration.ofHours(1))
                .withCodec(codec)
                .withSecurityContextCache(7);

        assertThat(options)
                .isEqualTo(new SessionStoreRepositoryOptions(
                        Duration.ofMinutes(5), Optional.of(Duration.ofHours(1)), codec, 7));
    }

    @Test
    void timeoutsUnderOneSecond_areRefused_namingTheSettingAndValue() {
        SessionStoreRepositoryOptions defaults = SessionStoreRepositoryOptions.defaults();

        assertThatThrownBy(() -> defaults.withDefaultIdleTimeout(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defaultIdleTimeout")
                .hasMessageContaining("PT0.5S");
        assertThatThrownBy(() -> defaults.withAbsoluteTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absoluteTimeout")
                .hasMessageContaining("PT0S");
        assertThatThrownBy(() -> defaults.withDefaultIdleTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("defaultIdleTimeout");
    }

    @Test
    void securityContextCache_outsideItsRange_isRefused_namingTheSettingAndValue() {
        SessionStoreRepositoryOptions defaults = SessionStoreRepositoryOptions.defaults();

        assertThat(defaults.withSecurityContextCache(0).securityContextCache()).isZero();
        assertThat(defaults.withSecurityContextCache(1_000_000).securityContextCache())
                .isEqualTo(SessionStoreRepositoryOptions.MAX_SECURITY_CONTEXT_CACHE);
        assertThatThrownBy(() -> defaults.withSecurityContextCache(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("securityContextCache must be 0 to 1000000 sessions, got -1");
        assertThatThrownBy(() -> defaults.withSecurityContextCache(1_000_001)).hasMessageContaining("got 1000001");
    }
}
