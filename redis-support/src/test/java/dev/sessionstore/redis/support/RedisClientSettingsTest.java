package dev.sessionstore.redis.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The direct-connection setting: its default, the system property and its bounds. */
class RedisClientSettingsTest {
    private static final RedisURI URI = RedisURI.create("redis://127.0.0.1:6379");

    private static RedisClientSettings defaults() {
        return RedisClientSettings.of(URI, false, Duration.ofMillis(500));
    }

    @Test
    void directConnections_defaultToTwo_andAreKeptByWithTrust() {
        assertThat(defaults().directConnections()).isEqualTo(2);
        assertThat(defaults()
                        .withDirectConnections(5)
                        .withTrust(java.util.Optional.empty())
                        .directConnections())
                .isEqualTo(5);
    }

    @Test
    void directConnections_outOfRange_areRejected_namingTheSetting() {
        assertThat(defaults().withDirectConnections(0).directConnections()).isZero();
        assertThat(defaults().withDirectConnections(64).directConnections()).isEqualTo(64);
        assertThatThrownBy(() -> defaults().withDirectConnections(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("directConnections")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> defaults().withDirectConnections(65)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void systemProperty_setsTheDefault_andABadValueIsRejected() {
        String property = RedisClientSettings.DIRECT_CONNECTIONS_PROPERTY;
        String before = System.getProperty(property);
        try {
            System.setProperty(property, "0");
            assertThat(defaults().directConnections()).isZero();
            System.setProperty(property, "two");
            assertThatThrownBy(RedisClientSettingsTest::defaults)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(property)
                    .hasMessageContaining("two");
            System.setProperty(property, "99");
            assertThatThrownBy(RedisClientSettingsTest::defaults)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(property)
                    .hasMessageContaining("99");
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    @Test
    void spinMicros_defaultsTo50_andTheSystemPropertyIsChecked() {
        String property = RedisClientSettings.SPIN_PROPERTY;
        String before = System.getProperty(property);
        try {
            System.clearProperty(property);
            assertThat(RedisClientSettings.spinMicros()).isEqualTo(50);
            System.setProperty(property, " 0 ");
            assertThat(RedisClientSettings.spinMicros()).isZero();
            System.setProperty(property, "1000");
            assertThat(RedisClientSettings.spinMicros()).isEqualTo(1000);
            for (String bad : List.of("1001", "-1", "fast")) {
                System.setProperty(property, bad);
                assertThatThrownBy(RedisClientSettings::spinMicros)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(property)
                        .hasMessageContaining(bad);
            }
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }
}
