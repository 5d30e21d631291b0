package dev.sessionstore.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;
import java.util.Map;

/**
 * The one authentication check of the server, applied to every request before routing: a path under one of the
 * protected prefixes needs {@code Authorization: Bearer <api key>} and gets a 401 problem otherwise, whether or not
 * a route serves it (so an unknown service path reveals nothing without the key). Other paths pass; the pages
 * sign people in with their own cookies.
 */
public final class Authentication implements Filter {
    private final ApiKey apiKey;
    private final List<String> protectedPrefixes;

    /** @param protectedPrefixes path prefixes that need the API key, e.g. {@code /v1/} */
    public Authentication(ApiKey apiKey, List<String> protectedPrefixes) {
        this.apiKey = apiKey;
        this.protectedPrefixes = List.copyOf(protectedPrefixes);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (protectedPrefixes.stream().anyMatch(path::startsWith)
                && !apiKey.matchesAuthorization(req.headers().first(HeaderNames.AUTHORIZATION))) {
            HttpSupport.sendProblem(
                    res,
                    Problem.of(401, "unauthorized", "Unauthorized", "send Authorization: Bearer <api key>")
                            .withHeaders(Map.of("WWW-Authenticate", "Bearer realm=\"sessionstore\"")));
            return;
        }
        chain.proceed();
    }
}
