package dev.sessionstore.servlet;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Plain HTTP calls with the session cookie handled by hand, so tests see every Set-Cookie as sent. */
final class Client {
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final TestApp app;
    private final String cookieName;

    Client(TestApp app, String cookieName) {
        this.app = app;
        this.cookieName = cookieName;
    }

    /** A response: status, body and the session cookie's Set-Cookie header, if any. */
    record Reply(int status, String body, List<String> setCookies, Optional<String> location) {
        Optional<String> sessionCookie(String name) {
            return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst();
        }
    }

    Reply get(String path) {
        return get(path, null);
    }

    /** GET with {@code cookieValue} as the session cookie (none if null). */
    Reply get(String path, String cookieValue) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(10));
        if (cookieValue != null) {
            request.header("Cookie", cookieName + "=" + cookieValue);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    r.statusCode(),
                    r.body(),
                    r.headers().allValues("set-cookie"),
                    r.headers().firstValue("location"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of the session cookie the reply sets; fails if it sets none. */
    String tokenOf(Reply reply) {
        String header = reply.sessionCookie(cookieName)
                .orElseThrow(() -> new AssertionError("no " + cookieName + " cookie in " + reply.setCookies()));
        return header.substring(cookieName.length() + 1, header.indexOf(';'));
    }
}
