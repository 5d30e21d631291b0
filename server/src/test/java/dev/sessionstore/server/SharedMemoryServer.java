package dev.sessionstore.server;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestServer#memory()} per test class, started before its tests and closed after them:
 * {@code @RegisterExtension static final SharedMemoryServer server = new SharedMemoryServer();}. Offers the
 * {@link TestServer} calls the tests use.
 */
final class SharedMemoryServer implements BeforeAllCallback, AfterAllCallback {
    private TestServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.memory();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    HttpRequest.Builder request(String path) {
        return server.request(path);
    }

    HttpRequest.Builder api(String path) {
        return server.api(path);
    }

    HttpResponse<String> send(HttpRequest request) {
        return server.send(request);
    }

    HttpClient http() {
        return server.http;
    }

    int port() {
        return server.server.port();
    }
}
