package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SharedMemoryServer server = new SharedMemoryServer();

    private static JsonNode json(HttpResponse<String> res) throws Exception {
        return JSON.readTree(res.body());
    }

    private HttpResponse<String> create(String body) {
        return server.send(server.api("/v1/sessions")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body))
                .build());
    }

    private HttpResponse<String> get(String token) {
        return server.send(
                server.api("/v1/session").header("Session-Token", token).GET().build());
    }

    @Test
    void create_thenGet_returnsTheSessionWithDesignFieldNames() throws Exception {
        HttpResponse<String> created = create(
                "{\"userId\":\"alice\",\"attributes\":{\"cart\":[1,2],\"n\":1.50},\"indexes\":{\"tenant\":\"acme\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
        String token = json(created).get("token").asText();
        assertThat(token).startsWith("sst_");

        HttpResponse<String> read = get(token);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode s = json(read);
        assertThat(s.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "id",
                        "userId",
                        "createdAt",
                        "lastAccessedAt",
                        "expiresAt",
                        "absoluteExpiresAt",
                        "version",
                        "attributes",
                        "indexes");
        assertThat(s.get("userId").asText()).isEqualTo("alice");
        assertThat(s.get("attributes").get("cart").toString()).isEqualTo("[1,2]");
        assertThat(s.get("attributes").get("n").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(s.get("indexes").get("tenant").asText()).isEqualTo("acme");
        assertThat(s.get("createdAt").asText()).endsWith("Z");
        assertThat(read.body()).doesNotContain(token);
    }

    @Test
    void create_withEmptyBody_makesAnAnonymousSession() throws Exception {
        HttpResponse<String> res = server.send(
                server.api("/v1/sessions").POST(BodyPublishers.noBody()).build());
        assertThat(res.statusCode()).isEqualTo(201);
        assertThat(json(res).get("session").get("userId").isNull()).isTrue();
    }

    @Test
    void get_withTouchFalse_doesNotSlideTheExpiry() throws Exception {
        String token = json(create("{\"userId\":\"peek\"}")).get("token").asText();
        String before = json(get(token)).get("lastAccessedAt").asText();
        HttpResponse<String> peek = server.send(server.api("/v1/session?touch=false")
                .header("Session-Token", token)
                .GET()
                .build());
        assertThat(peek.statusCode()).isEqualTo(200);
        assertThat(json(peek).get("lastAccessedAt").asText()).isEqualTo(before);
    }

    @Test
    void patch_setsAndRemoves_andIfMatchMismatchIs412() throws Exception {
        String token =
                json(create("{\"attributes\":{\"a\":1,\"b\":2}}")).get("token").asText();
        HttpResponse<String> patched = server.send(server.api("/v1/session")
                .header("Session-Token", token)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .method("PATCH", BodyPublishers.ofString("{\"attributes\":{\"a\":null,\"c\":\"x\"}}"))
                .build());
        assertThat(patched.statusCode()).isEqualTo(200);
        JsonNode s = json(patched);
        assertThat(s.get("version").asLong()).isEqualTo(2);
        assertThat(patched.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(s.get("attributes").has("a")).isFalse();
        assertThat(s.get("attributes").get("c").asText()).isEqualTo("x");

        HttpResponse<String> stale = server.send(server.api("/v1/session")
                .header("Session-Token", token)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .method("PATCH", BodyPublishers.ofString("{\"attributes\":{\"d\":1}}"))
                .build());
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(stale).get("status").asInt()).isEqualTo(412);
    }

    @Test
    void delete_revokes_thenGetIs404() throws Exception {
        String token = json(create("{}")).get("token").asText();
        HttpResponse<String> del = server.send(server.api("/v1/session")
                .header("Session-Token", token)
                .DELETE()
                .build());
        assertThat(del.statusCode()).isEqualTo(204);
        assertThat(get(token).statusCode()).isEqualTo(404);
        assertThat(server.send(server.api("/v1/session")
                                .header("Session-Token", token)
                                .DELETE()
                                .build())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void rotate_givesANewToken_andKillsTheOldOne() throws Exception {
        String old = json(create("{\"attributes\":{\"k\":\"v\"}}")).get("token").asText();
        HttpResponse<String> rotated = server.send(server.api("/v1/session/rotate")
                .header("Session-Token", old)
                .POST(BodyPublishers.noBody())
                .build());
        assertThat(rotated.statusCode()).isEqualTo(200);
        String fresh = json(rotated).get("token").asText();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(get(old).statusCode()).isEqualTo(404);
        assertThat(json(get(fresh)).get("attributes").get("k").asText()).isEqualTo("v");
    }

    @Test
    void userSessions_listAndRevokeExceptOne() throws Exception {
        String keep =
                json(create("{\"userId\":\"bulk\"}")).get("session").get("id").asText();
        create("{\"userId\":\"bulk\"}");
        create("{\"userId\":\"bulk\"}");
        JsonNode list =
                json(server.send(server.api("/v1/users/bulk/sessions").GET().build()));
        assertThat(list.get("sessions")).hasSize(3);
        assertThat(list.toString()).doesNotContain("sst_");

        HttpResponse<String> revoked = server.send(
                server.api("/v1/users/bulk/sessions?except=" + keep).DELETE().build());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json(revoked).get("revoked").asInt()).isEqualTo(2);
        JsonNode after =
                json(server.send(server.api("/v1/users/bulk/sessions").GET().build()));
        assertThat(after.get("sessions")).hasSize(1);
        assertThat(after.get("sessions").get(0).get("id").asText()).isEqualTo(keep);
    }

    @Test
    void revokeById_andListByIndex() throws Exception {
        JsonNode created = json(create("{\"indexes\":{\"device\":\"kiosk-7\"}}"));
        String id = created.get("session").get("id").asText();
        JsonNode byIndex = json(server.send(
                server.api("/v1/indexes/device/kiosk-7/sessions").GET().build()));
        assertThat(byIndex.get("sessions").get(0).get("id").asText()).isEqualTo(id);

        assertThat(server.send(server.api("/v1/sessions/" + id).DELETE().build())
                        .statusCode())
                .isEqualTo(204);
        assertThat(server.send(server.api("/v1/sessions/" + id).DELETE().build())
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(created.get("token").asText()).statusCode()).isEqualTo(404);
    }

    @Test
    void missingOrWrongApiKey_is401WithProblem() throws Exception {
        HttpResponse<String> none =
                server.send(server.request("/v1/users/x/sessions").GET().build());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
        JsonNode p = json(none);
        assertThat(p.get("type").asText()).isNotBlank();
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("status").asInt()).isEqualTo(401);
        assertThat(p.get("detail").asText()).isNotBlank();
        HttpResponse<String> wrong = server.send(server.request("/v1/users/x/sessions")
                .header("Authorization", "Bearer " + TestServer.API_KEY + "x")
                .GET()
                .build());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void malformedToken_is404() {
        assertThat(get("sst_nope").statusCode()).isEqualTo(404);
        assertThat(get("sst_zz" + "A".repeat(43)).statusCode()).isEqualTo(404);
    }

    @Test
    void wellFormedUnknownToken_is404() {
        assertThat(get(dev.sessionstore.SessionToken.generateAnonymous().reveal())
                        .statusCode())
                .isEqualTo(404);
    }
}
