package dev.sessionstore.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionstore.SessionToken;
import dev.sessionstore.server.http.HttpSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One real request for each status that openapi.json documents for an operation, against a {@link
 * SharedMemoryServer}. The few documented statuses that no request to this server can provoke are in {@link
 * #NOT_PROVOKED}, each with the test that covers it.
 */
final class OpenApiExamples {
    /** A request for {@code operation} ("METHOD /path template") that the server must answer with {@code status}. */
    record Example(String operation, int status, Supplier<HttpRequest> request) {
        @Override
        public String toString() {
            return operation + " " + status;
        }
    }

    /** "operation status" ({@code *} for every operation) to where that status is tested instead. */
    static final Map<String, String> NOT_PROVOKED = Map.of(
            "* 503", "the store unreachable: RedisServiceIT.redisDown_gives503WithRetryAfter...",
            "POST /v1/sessions 409", "the cap under the REFUSE policy, not the server's: ErrorMappingTest");

    private static final String JSON = "application/json";
    private static final String OVERSIZE_HEADER = "p".repeat(HttpSupport.MAX_HEADER_BYTES + 1);
    private static final String OVER_ANY_LIMIT = "x".repeat(5_000);
    private static final String OVERSIZE_ATTRIBUTE = "{\"attributes\":{\"a\":\"" + "v".repeat(20_000) + "\"}}";
    private static final String NEW_SESSION =
            "{\"userId\":\"openapi\",\"attributes\":{\"cart\":[1,{\"n\":2.5}],\"flag\":true},"
                    + "\"indexes\":{\"tenant\":\"openapi\"},\"idleTimeoutSeconds\":600}";

    private final SharedMemoryServer server;

    OpenApiExamples(SharedMemoryServer server) {
        this.server = server;
    }

    List<Example> all() {
        List<Example> all = new ArrayList<>();
        all.addAll(anyOperation("POST /v1/sessions", "/v1/sessions"));
        all.add(ex("POST /v1/sessions", 201, () -> send("POST", "/v1/sessions", JSON, NEW_SESSION)));
        all.add(ex("POST /v1/sessions", 400, () -> send("POST", "/v1/sessions", JSON, "{")));
        all.add(ex("POST /v1/sessions", 413, () -> send("POST", "/v1/sessions", JSON, OVERSIZE_ATTRIBUTE)));
        all.add(ex("POST /v1/sessions", 415, () -> send("POST", "/v1/sessions", "text/plain", "{}")));
        for (String method : List.of("GET", "PATCH", "DELETE")) {
            String op = method + " /v1/session";
            String body = method.equals("PATCH") ? "{\"attributes\":{\"a\":1}}" : "";
            all.addAll(anyOperation(op, "/v1/session"));
            all.add(ex(op, method.equals("DELETE") ? 204 : 200, () -> withToken(method, "/v1/session", token(), body)));
            all.add(ex(
                    op,
                    400,
                    () -> server.api("/v1/session")
                            .method(method, publisher(""))
                            .build()));
            all.add(ex(op, 404, () -> withToken(method, "/v1/session", unknownToken(), body)));
        }
        all.add(ex(
                "PATCH /v1/session",
                412,
                () -> server.api("/v1/session")
                        .header("Session-Token", token())
                        .header("Content-Type", JSON)
                        .header("If-Match", "\"7\"")
                        .method("PATCH", publisher("{\"attributes\":{\"a\":1}}"))
                        .build()));
        all.add(ex("PATCH /v1/session", 413, () -> withToken("PATCH", "/v1/session", token(), OVERSIZE_ATTRIBUTE)));
        all.add(ex(
                "PATCH /v1/session",
                415,
                () -> server.api("/v1/session")
                        .header("Session-Token", token())
                        .header("Content-Type", "text/plain")
                        .method("PATCH", publisher("{}"))
                        .build()));
        all.addAll(anyOperation("POST /v1/session/rotate", "/v1/session/rotate"));
        all.add(ex("POST /v1/session/rotate", 200, () -> withToken("POST", "/v1/session/rotate", token(), "")));
        all.add(ex(
                "POST /v1/session/rotate",
                400,
                () -> server.api("/v1/session/rotate").POST(publisher("")).build()));
        all.add(ex("POST /v1/session/rotate", 404, () -> withToken("POST", "/v1/session/rotate", unknownToken(), "")));
        all.addAll(userSessions("GET"));
        all.addAll(userSessions("DELETE"));
        all.add(ex(
                "DELETE /v1/users/{userId}/sessions",
                400,
                () -> server.api("/v1/users/openapi/sessions?except=x").DELETE().build()));
        all.addAll(anyOperation("DELETE /v1/sessions/{id}", "/v1/sessions/" + idOf(unknownToken())));
        all.add(ex(
                "DELETE /v1/sessions/{id}",
                204,
                () -> server.api("/v1/sessions/" + idOf(token())).DELETE().build()));
        all.add(ex(
                "DELETE /v1/sessions/{id}",
                404,
                () -> server.api("/v1/sessions/" + idOf(unknownToken()))
                        .DELETE()
                        .build()));
        String byIndex = "GET /v1/indexes/{name}/{value}/sessions";
        all.addAll(anyOperation(byIndex, "/v1/indexes/tenant/openapi/sessions"));
        all.add(ex(byIndex, 200, () -> {
            token();
            return server.api("/v1/indexes/tenant/openapi/sessions").build();
        }));
        all.add(ex(
                byIndex,
                400,
                () -> server.api("/v1/indexes/no%20spaces/openapi/sessions").build()));
        all.add(ex(
                byIndex,
                400,
                () -> server.api("/v1/indexes/tenant/openapi/sessions?limit=1001")
                        .build()));
        all.add(ex(
                byIndex,
                400,
                () -> server.api("/v1/indexes/tenant/openapi/sessions?cursor=AAAAAAAAAAAA")
                        .build()));
        all.add(ex(
                byIndex,
                413,
                () -> server.api("/v1/indexes/tenant/" + OVER_ANY_LIMIT + "/sessions")
                        .build()));
        return all;
    }

    /** A user's sessions: listed (GET) or revoked (DELETE); the 200 case first creates one, so there is one. */
    private List<Example> userSessions(String method) {
        String op = method + " /v1/users/{userId}/sessions";
        List<Example> out = new ArrayList<>(anyOperation(op, "/v1/users/openapi/sessions"));
        out.add(ex(op, 200, () -> {
            token();
            return server.api("/v1/users/openapi/sessions")
                    .method(method, publisher(""))
                    .build();
        }));
        out.add(ex(
                op,
                400,
                () -> server.api("/v1/users/a%00b/sessions")
                        .method(method, publisher(""))
                        .build()));
        if (method.equals("GET")) {
            out.add(ex(
                    op,
                    400,
                    () -> server.api("/v1/users/openapi/sessions?limit=0").build()));
            out.add(ex(
                    op,
                    400,
                    () -> server.api("/v1/users/openapi/sessions?cursor=%21").build()));
        }
        out.add(ex(
                op,
                413,
                () -> server.api("/v1/users/" + OVER_ANY_LIMIT + "/sessions")
                        .method(method, publisher(""))
                        .build()));
        return out;
    }

    /** What every operation answers: 401 without the API key, 431 for an oversize header block. */
    private List<Example> anyOperation(String operation, String path) {
        String method = operation.substring(0, operation.indexOf(' '));
        return List.of(
                ex(
                        operation,
                        401,
                        () -> server.request(path).method(method, publisher("")).build()),
                ex(
                        operation,
                        431,
                        () -> server.api(path)
                                .header("X-Padding", OVERSIZE_HEADER)
                                .method(method, publisher(""))
                                .build()));
    }

    private static Example ex(String operation, int status, Supplier<HttpRequest> request) {
        return new Example(operation, status, request);
    }

    private HttpRequest send(String method, String path, String contentType, String body) {
        return server.api(path)
                .header("Content-Type", contentType)
                .method(method, publisher(body))
                .build();
    }

    private HttpRequest withToken(String method, String path, String token, String body) {
        HttpRequest.Builder b = server.api(path).header("Session-Token", token);
        if (!body.isEmpty()) {
            b.header("Content-Type", JSON);
        }
        return b.method(method, publisher(body)).build();
    }

    /** A new session of user "openapi" with attributes and an index; its token. */
    private String token() {
        String body =
                server.send(send("POST", "/v1/sessions", JSON, NEW_SESSION)).body();
        try {
            return new ObjectMapper().readTree(body).get("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unknownToken() {
        return SessionToken.generateAnonymous().reveal();
    }

    private static String idOf(String token) {
        return SessionToken.tryParse(token).orElseThrow().id().value();
    }

    private static BodyPublisher publisher(String body) {
        return body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body);
    }
}
