package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionstore.embedded.RedisServerProcess;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paged listings over HTTP on the Redis store: {@code ?limit=&cursor=} walks a listing to its end, {@code nextCursor}
 * is null only on the last page, and a bad limit or cursor is a 400 problem.
 */
class PagingServiceIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RedisServerProcess redis;
    private TestServer server;

    @BeforeEach
    void start() {
        redis = RedisServerProcess.startEphemeral();
        server = TestServer.redis(redis.uri());
    }

    @AfterEach
    void stop() {
        server.close();
        redis.close();
    }

    @Test
    void pagesOfAnIndexAndOfAUser_returnEverySessionOnce() throws IOException {
        List<String> tenant = new ArrayList<>();
        List<String> pat = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            String body = i % 10 == 0
                    ? "{\"userId\":\"pat\",\"indexes\":{\"tenant\":\"acme\"}}"
                    : "{\"indexes\":{\"tenant\":\"acme\"}}";
            String id = create(body);
            tenant.add(id);
            if (i % 10 == 0) {
                pat.add(id);
            }
        }

        assertThat(walk("/v1/indexes/tenant/acme/sessions", 40)).containsExactlyInAnyOrderElementsOf(tenant);
        assertThat(walk("/v1/users/pat/sessions", 4)).containsExactlyInAnyOrderElementsOf(pat);
        JsonNode byDefault = json(get("/v1/indexes/tenant/acme/sessions"), 200);
        assertThat(byDefault.get("sessions").size()).isLessThanOrEqualTo(100);
        assertThat(byDefault.get("nextCursor").isTextual()).isTrue();
        JsonNode all = json(get("/v1/users/pat/sessions"), 200);
        assertThat(all.get("sessions")).hasSize(pat.size());
        assertThat(all.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void aBadLimitOrCursor_isA400Problem() throws IOException {
        create("{\"userId\":\"pat\",\"indexes\":{\"tenant\":\"acme\"}}");
        create("{\"userId\":\"pat\",\"indexes\":{\"tenant\":\"acme\"}}");
        String userCursor = json(get("/v1/users/pat/sessions?limit=1"), 200)
                .get("nextCursor")
                .asText();
        assertThat(json(get("/v1/users/pat/sessions?limit=1&cursor=" + userCursor), 200)
                        .get("sessions"))
                .hasSize(1);

        for (String query : List.of(
                "limit=0",
                "limit=1001",
                "limit=-5",
                "limit=ten",
                "limit=",
                "limit=99999999999",
                "cursor=" + URLEncoder.encode("not a cursor", StandardCharsets.UTF_8),
                "cursor=" + "A".repeat(129),
                "cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "cursor=" + userCursor)) { // a cursor of another listing
            HttpResponse<String> res = get("/v1/indexes/tenant/acme/sessions?" + query);
            assertThat(res.statusCode()).as(query).isEqualTo(400);
            assertThat(res.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        HttpResponse<String> foreign = get("/v1/users/someone-else/sessions?cursor=" + userCursor);
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("another listing");
        assertThat(get("/v1/users/pat/sessions?limit=1001").body()).contains("limit");
    }

    /** Every page of a listing with this limit; the ids in the order read. */
    private List<String> walk(String path, int limit) throws IOException {
        List<String> ids = new ArrayList<>();
        String cursor = "";
        for (int pages = 0; pages < 1_000; pages++) {
            JsonNode page = json(get(path + "?limit=" + limit + "&cursor=" + cursor), 200);
            assertThat(page.get("sessions").size()).isLessThanOrEqualTo(limit);
            page.get("sessions").forEach(s -> ids.add(s.get("id").asText()));
            if (page.get("nextCursor").isNull()) {
                return ids;
            }
            cursor = page.get("nextCursor").asText();
        }
        throw new AssertionError("no last page after 1,000 pages");
    }

    private String create(String body) throws IOException {
        HttpResponse<String> res = server.send(server.api("/v1/sessions")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body))
                .build());
        return json(res, 201).get("session").get("id").asText();
    }

    private HttpResponse<String> get(String path) {
        return server.send(server.api(path).GET().build());
    }

    private static JsonNode json(HttpResponse<String> res, int status) throws IOException {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        return JSON.readTree(res.body());
    }
}
