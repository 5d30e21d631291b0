package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real entry point, as {@code java -jar} runs it: command line, embedded Redis with AOF, API key file. */
class MainIT {
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dataDir;

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String adminPage(URI base, String key) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("/admin"))
                .header("Authorization", "Bearer " + key)
                .build());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    @Test
    void aMalformedInstanceId_isRefused_namingTheOption() {
        assertThatThrownBy(() -> Main.start("--port", "0", "--data-dir", dataDir.toString(), "--instance-id", "a b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instance-id");
    }

    @Test
    void start_withDefaults_runsEmbeddedRedis_andSessionsSurviveARestart() throws Exception {
        String token;
        String key;
        try (SessionServer server = Main.start("--port", "0", "--data-dir", dataDir.toString())) {
            URI base = URI.create("http://localhost:" + server.port());
            assertThat(send(HttpRequest.newBuilder(base.resolve("/health/ready"))
                                    .build())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(server.backend().description())
                    .contains("embedded Redis")
                    .contains("appendfsync everysec");

            Path keyFile = dataDir.resolve("api-key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                    .isEqualTo("rw-------");
            key = Files.readString(keyFile).trim();
            HttpResponse<String> created = send(HttpRequest.newBuilder(base.resolve("/v1/sessions"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"durable\"}"))
                    .build());
            assertThat(created.statusCode()).isEqualTo(201);
            token = created.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            assertThat(adminPage(base, key))
                    .as("the default instance id: host name and process id")
                    .contains("This instance: <code>" + ServerConfig.defaultInstanceId() + "</code>")
                    .contains("-" + ProcessHandle.current().pid() + "</code>");
        }
        assertThat(Files.list(dataDir.resolve("redis")).map(p -> p.getFileName().toString()))
                .anyMatch(name -> name.startsWith("appendonly"));

        try (SessionServer again =
                Main.start("--port", "0", "--data-dir", dataDir.toString(), "--instance-id", "web-7")) {
            assertThat(adminPage(URI.create("http://localhost:" + again.port()), key))
                    .contains("This instance: <code>web-7</code>");
            HttpResponse<String> read =
                    send(HttpRequest.newBuilder(URI.create("http://localhost:" + again.port() + "/v1/session"))
                            .header("Authorization", "Bearer " + key)
                            .header("Session-Token", token)
                            .build());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"userId\":\"durable\"");
        }
    }
}
