package dev.sessionstore.server.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EdgeOptionsTest {
    @Test
    void outOfBounds_isRefused_namingTheSetting() {
        assertThatThrownBy(() -> new EdgeOptions(Duration.ofMillis(50), Duration.ofSeconds(1), 10))
                .hasMessageContaining("idle-timeout");
        assertThatThrownBy(() -> new EdgeOptions(Duration.ofSeconds(1), Duration.ofMinutes(11), 10))
                .hasMessageContaining("read-timeout");
        assertThatThrownBy(() -> new EdgeOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .hasMessageContaining("max-connections");
        assertThatThrownBy(() -> new EdgeOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), 1_000_001))
                .hasMessageContaining("max-connections");
    }

    @Test
    void caps_leaveRoomForRefusals_aboveTheServedCap() {
        assertThat(ConnectionCaps.of(10_000, Optional.empty())).isEqualTo(new ConnectionCaps(10_000, 10_625, false));
        assertThat(ConnectionCaps.of(4, Optional.empty())).isEqualTo(new ConnectionCaps(4, 12, false));
    }

    @Test
    void caps_areLoweredToWhatTheDescriptorsHold() {
        // ulimit -n 1024 with 100 open, 128 kept free: 796 connections, 49 of them the room for refusals
        DescriptorBudget budget = new DescriptorBudget(1024, 100);
        assertThat(budget.connections()).isEqualTo(1024 - 100 - 128);
        assertThat(ConnectionCaps.of(10_000, Optional.of(budget))).isEqualTo(new ConnectionCaps(747, 796, true));
        assertThat(ConnectionCaps.of(500, Optional.of(budget))).isEqualTo(new ConnectionCaps(500, 531, false));
    }

    @Test
    void theReserve_isAnEighthOfTheLimit_within64And1024() {
        assertThat(DescriptorBudget.reserve(256)).isEqualTo(64);
        assertThat(DescriptorBudget.reserve(1024)).isEqualTo(128);
        assertThat(DescriptorBudget.reserve(4096)).isEqualTo(512);
        assertThat(DescriptorBudget.reserve(1_048_576)).isEqualTo(1024);
    }

    @Test
    void aBudgetWithNoRoom_stillServesOneConnection() {
        assertThat(new DescriptorBudget(64, 60).connections()).isEqualTo(2);
        assertThat(ConnectionCaps.of(100, Optional.of(new DescriptorBudget(64, 60))))
                .isEqualTo(new ConnectionCaps(1, 2, true));
    }
}
