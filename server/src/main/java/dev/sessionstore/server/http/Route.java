package dev.sessionstore.server.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;

/**
 * One route of a service: method, path template ({@code /v1/users/{userId}/sessions}), handler.
 *
 * @param method the HTTP method
 * @param path the path template, as Helidon matches it
 * @param handler what serves it
 */
public record Route(Method method, String path, Handler handler) {}
