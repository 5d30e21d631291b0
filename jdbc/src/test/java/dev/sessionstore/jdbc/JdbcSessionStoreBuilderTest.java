package dev.sessionstore.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder refuses bad settings before touching any database, naming the setting. */
class JdbcSessionStoreBuilderTest {

    @Test
    void build_withoutDataSourceOrUrl_isRejected() {
        assertThatThrownBy(() -> JdbcSessionStore.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataSource")
                .hasMessageContaining("jdbcUrl");
    }

    @Test
    void sweepInterval_tooShort_isRejectedNamingTheSetting() {
        assertThatThrownBy(() -> JdbcSessionStore.builder().sweepInterval(Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sweepInterval");
    }

    @Test
    void connectTimeout_outOfRange_isRejectedNamingTheSetting() {
        assertThatThrownBy(() -> JdbcSessionStore.builder().connectTimeout(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectTimeout");
    }

    @Test
    void maxPoolSize_outOfRange_isRejectedNamingTheSetting() {
        assertThatThrownBy(() -> JdbcSessionStore.builder().maxPoolSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPoolSize");
    }

    @Test
    void limitsTooLongToIndex_areRejectedNamingTheSetting() {
        SessionLimits d = SessionLimits.defaults();
        SessionLimits longUserIds = new SessionLimits(
                d.maxAttributes(),
                d.maxNameLength(),
                d.maxValueBytes(),
                d.maxSessionBytes(),
                d.maxJsonDepth(),
                d.maxIndexes(),
                d.maxIndexValueLength(),
                4096,
                d.maxSessionsPerUser());

        assertThatThrownBy(() -> JdbcSessionStore.builder()
                        .jdbcUrl("jdbc:postgresql://127.0.0.1:1/none")
                        .policy(SessionPolicy.defaults().withLimits(longUserIds))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxUserIdLength");
    }
}
