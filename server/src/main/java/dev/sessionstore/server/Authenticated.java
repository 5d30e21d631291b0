package dev.sessionstore.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/** Runs the handler only for {@code Authorization: Bearer <api key>}; 401 otherwise. */
record Authenticated(ApiKey apiKey, Handler handler) implements Handler {
    @Override
    public void handle(ServerRequest req, ServerResponse res) throws Exception {
        if (!apiKey.matchesAuthorization(req.headers().first(HeaderNames.AUTHORIZATION))) {
            throw new ApiException(
                    Problem.of(401, "unauthorized", "Unauthorized", "send Authorization: Bearer <api key>")
                            .withHeaders(Map.of("WWW-Authenticate", "Bearer realm=\"sessionstore\"")));
        }
        handler.handle(req, res);
    }
}
