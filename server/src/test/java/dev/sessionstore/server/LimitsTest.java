package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LimitsTest {
    @RegisterExtension
    static final SharedMemoryServer server = new SharedMemoryServer();

    private HttpResponse<String> create(String contentType, String body) {
        return server.send(server.api("/v1/sessions")
                .header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body))
                .build());
    }

    @Test
    void bodyOver64KiB_is413() {
        String big = "{\"attributes\":{\"a\":\"" + "x".repeat(70 * 1024) + "\"}}";
        HttpResponse<String> res = create("application/json", big);
        assertThat(res.statusCode()).isEqualTo(413);
    }

    @Test
    void headersOver16KiB_is431() {
        HttpResponse<String> res = server.send(server.api("/v1/users/a/sessions")
                .header("X-Padding", "p".repeat(17 * 1024))
                .GET()
                .build());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(431);
    }

    @Test
    void wrongContentType_is415() {
        HttpResponse<String> res = create("text/plain", "{}");
        assertThat(res.statusCode()).isEqualTo(415);
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void malformedJson_is400() {
        assertThat(create("application/json", "{\"userId\":").statusCode()).isEqualTo(400);
        assertThat(create("application/json", "[]").statusCode()).isEqualTo(400);
        assertThat(create("application/json", "{\"idleTimeoutSeconds\":1e999}").statusCode())
                .isEqualTo(400);
        assertThat(create("application/json", "{\"unknown\":1}").statusCode()).isEqualTo(400);
    }

    @Test
    void attributeOverTheValueLimit_is413WithTheLimitNamed() {
        HttpResponse<String> res =
                create("application/json", "{\"attributes\":{\"a\":\"" + "x".repeat(20 * 1024) + "\"}}");
        assertThat(res.statusCode()).isEqualTo(413);
        assertThat(res.body()).contains("maxValueBytes");
    }

    @Test
    void badIfMatch_is400() {
        HttpResponse<String> res = server.send(server.api("/v1/session")
                .header(
                        "Session-Token",
                        dev.sessionstore.SessionToken.generateAnonymous().reveal())
                .header("If-Match", "\"abc\"")
                .header("Content-Type", "application/json")
                .method("PATCH", BodyPublishers.ofString("{\"attributes\":{}}"))
                .build());
        assertThat(res.statusCode()).isEqualTo(400);
    }
}
