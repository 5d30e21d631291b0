package dev.sessionstore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.embedded.RedisServerProcess;
import dev.sessionstore.testkit.RequiredTool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on {@code rediss://} against a real redis-server with TLS, whose certificate a self-signed CA (made
 * by keytool, {@link TestCa}) signed: trusted with {@code --redis-ca-file}, refused as not trusted without it. A
 * redis-server built without TLS skips these tests loudly (fails them under {@code SESSIONSTORE_REQUIRE_TOOLS=true}).
 */
class RedisTlsIT {
    @TempDir
    static Path files;

    private static TestCa ca;
    private static RedisServerProcess redis;
    private static int tlsPort;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startTlsRedis() {
        ca = TestCa.create(files);
        tlsPort = RedisServerProcess.freePort();
        try {
            // the plain port stays open for the readiness check and for reading what the service wrote
            redis = RedisServerProcess.startEphemeral(
                    "--tls-port", Integer.toString(tlsPort),
                    "--tls-cert-file", ca.serverCertPem().toString(),
                    "--tls-key-file", ca.serverKeyPem().toString(),
                    "--tls-ca-cert-file", ca.caPem().toString(),
                    "--tls-auth-clients", "no");
        } catch (IllegalStateException e) {
            RequiredTool.TLS_REDIS_SERVER.unusable("it does not start with --tls-port: " + e.getMessage());
        }
    }

    @AfterAll
    static void stopTlsRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private String url() {
        return "rediss://127.0.0.1:" + tlsPort;
    }

    @Test
    void rediss_withTheCaFile_servesTheApiOverTls() throws Exception {
        try (SessionServer server = Main.start(
                "--port", "0",
                "--data-dir", dataDir.toString(),
                "--api-key", TestServer.API_KEY,
                "--redis-url", url(),
                "--redis-ca-file", ca.caPem().toString())) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/sessions"))
                            .header("Authorization", "Bearer " + TestServer.API_KEY)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"tls-user\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> ready = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health/ready"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
        }
        assertThat(redis.sendQuietly("DBSIZE"))
                .as("keys the service wrote over TLS")
                .isNotEqualTo(":0");
    }

    @Test
    void rediss_withoutTheCaFile_isRefusedAsNotTrusted() {
        assertThatThrownBy(() -> Main.start(
                        "--port",
                        "0",
                        "--data-dir",
                        dataDir.toString(),
                        "--api-key",
                        TestServer.API_KEY,
                        "--redis-url",
                        url()))
                .hasMessageContaining("cannot connect to Redis at 127.0.0.1:" + tlsPort)
                .hasMessageContaining("TLS certificate is not trusted");
    }

    @Test
    void caFile_missingOrNotACertificate_isRefusedNamingTheOption() throws Exception {
        Path notPem = Files.writeString(dataDir.resolve("not-a-cert.pem"), "hello\n");
        assertThatThrownBy(() -> Main.start(
                        "--data-dir", dataDir.toString(),
                        "--redis-url", url(),
                        "--redis-ca-file", notPem.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--redis-ca-file " + notPem)
                .hasMessageContaining("not a PEM certificate");
        Path missing = dataDir.resolve("missing.pem");
        assertThatThrownBy(() -> Main.start(
                        "--data-dir", dataDir.toString(),
                        "--redis-url", url(),
                        "--redis-ca-file", missing.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--redis-ca-file " + missing + ": no such file");
    }
}
