package dev.sessionstore.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.coordination.BreakerForce;
import dev.sessionstore.coordination.BreakerState;
import dev.sessionstore.coordination.SchedulerOptions;
import dev.sessionstore.coordination.memory.InMemoryCoordination;
import dev.sessionstore.server.jobs.MaintenanceJobs;
import dev.sessionstore.server.jobs.MaintenanceOptions;
import dev.sessionstore.server.jobs.ServerCoordination;
import dev.sessionstore.server.jobs.StoreStats;
import dev.sessionstore.server.webhooks.WebhookConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoordinationSectionTest {
    private final InMemoryCoordination hub = InMemoryCoordination.create(Clock.systemUTC());
    private final ServerCoordination coordination = ServerCoordination.start(
            hub.instance(
                    "web-1", Clock.systemUTC(), SchedulerOptions.defaults().withPollInterval(Duration.ofMillis(50))),
            Optional.of(WebhookConfig.of(URI.create("http://127.0.0.1:9/hook"))),
            new MaintenanceOptions(Duration.ofMillis(200), Duration.ofMillis(200)),
            (at, instance, fence) ->
                    new StoreStats(OptionalLong.of(3), OptionalLong.empty(), OptionalLong.empty(), at, instance, fence),
            Optional.empty(),
            Clock.systemUTC());

    @AfterEach
    void close() {
        coordination.close();
    }

    @Test
    void html_listsJobRunsBreakersAndTheForceForm_escapingNames() {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !coordination.history(MaintenanceJobs.STATS, 10).isEmpty());
        String html = CoordinationSection.html(
                coordination, "<input type=\"hidden\" name=\"csrf\" value=\"t\">", "/admin/breakers");
        assertThat(html)
                .contains("data-job=\"server-stats\"")
                .contains("<code>web-1</code>")
                .contains("SUCCEEDED")
                .contains("data-breaker=\"webhook\">closed<")
                .contains("name=\"force\" value=\"open\"")
                .contains("name=\"csrf\" value=\"t\"");
        assertThat(coordination.stats().latest().orElseThrow().liveSessions()).hasValue(3);
    }

    @Test
    void esc_escapesMarkupAndControlCharacters() {
        assertThat(CoordinationSection.esc("<a href=\"x\">'&\u0001"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;\uFFFD");
    }

    @Test
    void force_appliesToTheBreakerAndRefusesUnknownNames() {
        coordination.force(WebhookConfig.BREAKER, BreakerForce.FORCE_OPEN);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> coordination.breakers().get(0).state() == BreakerState.FORCED_OPEN);
        assertThat(CoordinationSection.html(coordination, "", "/admin/breakers"))
                .contains(">forced open<");
        coordination.force(WebhookConfig.BREAKER, BreakerForce.NONE);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> coordination.breakers().get(0).state() == BreakerState.CLOSED);
        assertThatThrownBy(() -> coordination.force("payments", BreakerForce.FORCE_OPEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payments");
    }
}
