package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionstore.server.OpenApiExamples.Example;
import dev.sessionstore.server.api.ServiceApi;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * openapi.json against the server: the same routes, and for each operation exactly the statuses it answers, each
 * provoked by a real request ({@link OpenApiExamples}) whose body has a documented content type and matches the
 * documented schema ({@link SchemaCheck}).
 */
class OpenApiRoutesTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SharedMemoryServer server = new SharedMemoryServer();

    private static JsonNode openApi() throws Exception {
        HttpResponse<String> res =
                server.send(server.request("/openapi.json").GET().build());
        assertThat(res.statusCode()).isEqualTo(200);
        return JSON.readTree(res.body());
    }

    private static Set<String> openApiRoutes() throws Exception {
        JsonNode paths = openApi().get("paths");
        Set<String> routes = new TreeSet<>();
        for (Iterator<String> p = paths.fieldNames(); p.hasNext(); ) {
            String path = p.next();
            for (Iterator<String> m = paths.get(path).fieldNames(); m.hasNext(); ) {
                String method = m.next();
                if (HTTP_METHODS.contains(method)) {
                    routes.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return routes;
    }

    @Test
    void openApi_describesExactlyTheRegisteredServiceRoutes() throws Exception {
        Set<String> registered = new ServiceApi(null)
                .routes().stream()
                        .map(r -> r.method().text() + " " + r.path())
                        .collect(Collectors.toCollection(TreeSet::new));
        assertThat(openApiRoutes()).isEqualTo(registered);
    }

    @Test
    void everyOpenApiRoute_isServedAndAsksForTheApiKey() throws Exception {
        for (String route : openApiRoutes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1)
                    .replace("{userId}", "alice")
                    .replace("{id}", "00AAAAAAAAAAAAAAAAAAAAAA")
                    .replace("{name}", "tenant")
                    .replace("{value}", "acme");
            HttpResponse<String> res = server.send(
                    server.request(path).method(method, BodyPublishers.noBody()).build());
            assertThat(res.statusCode()).as(route).isEqualTo(401);
        }
    }

    @Test
    void aServicePathWithAnotherMethod_is405WithAllow() {
        HttpResponse<String> res = server.send(server.request("/v1/session")
                .header("Authorization", "Bearer " + TestServer.API_KEY)
                .PUT(BodyPublishers.noBody())
                .build());
        assertThat(res.statusCode()).isEqualTo(405);
        assertThat(res.headers().firstValue("Allow")).hasValue("GET, PATCH, DELETE");
    }

    @Test
    void aPathNotInOpenApi_isNotServed() {
        HttpResponse<String> res = server.send(server.request("/v1/nothing-here")
                .header("Authorization", "Bearer " + TestServer.API_KEY)
                .GET()
                .build());
        assertThat(res.statusCode()).isEqualTo(404);
    }

    @Test
    void everyDocumentedStatus_isAnsweredWithTheDocumentedBody() throws Exception {
        JsonNode doc = openApi();
        SchemaCheck schemas = new SchemaCheck(doc);
        for (Example example : new OpenApiExamples(server).all()) {
            HttpResponse<String> res = server.send(example.request().get());
            assertThat(res.statusCode()).as("%s: %s", example, res.body()).isEqualTo(example.status());
            JsonNode documented = response(doc, schemas, example);
            assertThat(documented.isMissingNode())
                    .as("%s is documented", example)
                    .isFalse();
            JsonNode content = documented.path("content");
            if (content.isMissingNode()) {
                assertThat(res.body()).as("%s: no body", example).isEmpty();
                continue;
            }
            String type = res.headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .replaceAll(";.*", "")
                    .trim();
            assertThat(content.has(type))
                    .as("%s answers %s, a documented type", example, type)
                    .isTrue();
            JsonNode body = JSON.readTree(res.body());
            assertThat(schemas.violations(body, content.get(type).get("schema")))
                    .as("%s: %s", example, res.body())
                    .isEmpty();
            if (type.equals("application/problem+json")) {
                assertThat(body.get("status").asInt())
                        .as("%s: the problem's status", example)
                        .isEqualTo(example.status());
            }
        }
    }

    @Test
    void everyOperation_documentsExactlyTheStatusesItAnswers() throws Exception {
        JsonNode doc = openApi();
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String route : openApiRoutes()) {
            int space = route.indexOf(' ');
            JsonNode responses = doc.get("paths")
                    .get(route.substring(space + 1))
                    .get(route.substring(0, space).toLowerCase(Locale.ROOT))
                    .get("responses");
            documented.put(route, new TreeSet<>());
            responses.fieldNames().forEachRemaining(documented.get(route)::add);
        }
        Map<String, Set<String>> answered = new TreeMap<>();
        for (Example example : new OpenApiExamples(server).all()) {
            answered.computeIfAbsent(example.operation(), k -> new TreeSet<>()).add(Integer.toString(example.status()));
        }
        OpenApiExamples.NOT_PROVOKED.keySet().forEach(key -> {
            String operation = key.substring(0, key.lastIndexOf(' '));
            String status = key.substring(key.lastIndexOf(' ') + 1);
            answered.forEach((op, statuses) -> {
                if (operation.equals("*") || operation.equals(op)) {
                    statuses.add(status);
                }
            });
        });
        assertThat(answered.keySet()).isEqualTo(documented.keySet());
        documented.forEach((operation, statuses) -> assertThat(answered.get(operation))
                .as("the statuses of %s", operation)
                .isEqualTo(statuses));
    }

    /** The documented response of the example's operation and status, its {@code $ref} resolved. */
    private static JsonNode response(JsonNode doc, SchemaCheck schemas, Example example) {
        int space = example.operation().indexOf(' ');
        JsonNode response = doc.path("paths")
                .path(example.operation().substring(space + 1))
                .path(example.operation().substring(0, space).toLowerCase(Locale.ROOT))
                .path("responses")
                .path(Integer.toString(example.status()));
        return response.has("$ref") ? schemas.resolve(response.get("$ref").asText()) : response;
    }
}
