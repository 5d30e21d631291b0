package dev.sessionstore.server.webhooks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** POSTs JSON with {@link HttpClient} and the configured short timeouts; no redirects are followed. */
final class HttpWebhookTransport implements WebhookTransport {
    private final WebhookConfig config;
    private final HttpClient http;

    HttpWebhookTransport(WebhookConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public boolean post(String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(config.url())
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "sessionstore-webhook/1")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        return status >= 200 && status < 300;
    }
}
