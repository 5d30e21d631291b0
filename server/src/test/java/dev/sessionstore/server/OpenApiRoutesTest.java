package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionstore.server.api.ServiceApi;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenApiRoutesTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @RegisterExtension
    static final SharedMemoryServer server = new SharedMemoryServer();

    private static Set<String> openApiRoutes() throws Exception {
        HttpResponse<String> res =
                server.send(server.request("/openapi.json").GET().build());
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode paths = new ObjectMapper().readTree(res.body()).get("paths");
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
}
