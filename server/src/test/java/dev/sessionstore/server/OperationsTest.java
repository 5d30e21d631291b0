package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OperationsTest {
    @RegisterExtension
    static final SharedMemoryServer server = new SharedMemoryServer();

    @Test
    void health_liveAndReady_areUp() {
        assertThat(server.send(server.request("/health/live").GET().build()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> ready =
                server.send(server.request("/health/ready").GET().build());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("UP");
    }

    @Test
    void metrics_showRouteHistograms_storeLatency_andSessionCounters() {
        String token = server.send(server.request("/v1/sessions")
                        .header("Authorization", "Bearer " + TestServer.API_KEY)
                        .POST(BodyPublishers.noBody())
                        .build())
                .body()
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        server.send(server.request("/v1/session")
                .header("Authorization", "Bearer " + TestServer.API_KEY)
                .header("Session-Token", token)
                .GET()
                .build());
        server.send(server.request("/v1/session")
                .header("Authorization", "Bearer " + TestServer.API_KEY)
                .header("Session-Token", token)
                .DELETE()
                .build());
        server.send(server.request("/v1/session")
                .header("Authorization", "Bearer " + TestServer.API_KEY)
                .header("Session-Token", token)
                .GET()
                .build());

        HttpResponse<String> res = server.send(server.request("/metrics").GET().build());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        String text = res.body();
        assertThat(text).contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/v1/session\"");
        assertThat(text).contains("sessionstore_store_operation_seconds_bucket{op=\"touch\"");
        assertThat(text).containsPattern("sessionstore_session_creations_total(\\{[^}]*})? 1\\.0");
        assertThat(text).containsPattern("sessionstore_session_revocations_total(\\{[^}]*})? 1\\.0");
        assertThat(text).containsPattern("sessionstore_session_touch_misses_total(\\{[^}]*})? 1\\.0");
    }

    @Test
    void everyRequest_isTimed_includingMetricsOpenApiTheStylesheetAndUnknownPaths() {
        assertThat(server.send(server.request("/static/app.css").GET().build()).statusCode())
                .isEqualTo(200);
        assertThat(server.send(server.request("/openapi.json").GET().build()).statusCode())
                .isEqualTo(200);
        assertThat(server.send(server.request("/no/such/page-1").GET().build()).statusCode())
                .isEqualTo(404);
        assertThat(server.send(server.request("/v1/session").GET().build()).statusCode())
                .isEqualTo(401);
        server.send(server.request("/metrics").GET().build());

        String text = server.send(server.request("/metrics").GET().build()).body();
        assertThat(text)
                .containsPattern(count("/static/app.css", 200))
                .containsPattern(count("/openapi.json", 200))
                .containsPattern(count("/metrics", 200))
                .as("no route served these: one series, whatever the path")
                .containsPattern(count("unmatched", 404))
                .containsPattern(count("unmatched", 401))
                .doesNotContain("page-1");
    }

    private static String count(String route, int status) {
        return "http_server_requests_seconds_count\\{method=\"GET\",route=\"" + route + "\",status=\"" + status
                + "\"} [1-9]";
    }
}
