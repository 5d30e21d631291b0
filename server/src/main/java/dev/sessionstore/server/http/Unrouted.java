package dev.sessionstore.server.http;

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The last route: 405 with {@code Allow} for a service path called with another method, else a 404 problem. */
public final class Unrouted implements Handler {
    private record Template(Pattern pattern, String method) {}

    private final List<Template> templates;

    /** @param routes the service routes whose paths get a 405 for another method */
    public Unrouted(List<Route> routes) {
        this.templates = routes.stream()
                .map(r -> new Template(compile(r.path()), r.method().text()))
                .toList();
    }

    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        String allowed = templates.stream()
                .filter(t -> t.pattern().matcher(path).matches())
                .map(Template::method)
                .distinct()
                .collect(Collectors.joining(", "));
        if (!allowed.isEmpty()) {
            throw new ApiException(
                    Problem.of(405, "method-not-allowed", "Method not allowed", "this resource allows " + allowed)
                            .withHeaders(Map.of("Allow", allowed)));
        }
        throw new ApiException(Problem.of(404, "not-found", "Not found", "no such resource"));
    }
}
