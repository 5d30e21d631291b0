package dev.sessionstore.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyTest {
    @TempDir
    Path dir;

    @Test
    void resolve_withoutConfiguredKey_generatesOnceWithOwnerOnlyPermissions() throws Exception {
        Path file = dir.resolve("data/api-key");
        ApiKey first = ApiKey.resolve(Optional.empty(), file);
        String key = Files.readString(file).trim();
        assertThat(key).startsWith("ssk_").hasSizeGreaterThan(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        ApiKey second = ApiKey.resolve(Optional.empty(), file);
        assertThat(first.matches(key)).isTrue();
        assertThat(second.matches(key)).isTrue();
        assertThat(first.source()).doesNotContain(key);
    }

    @Test
    void matchesAuthorization_acceptsOnlyBearerWithTheExactKey() {
        ApiKey key = ApiKey.of("0123456789abcdef-key");
        assertThat(key.matchesAuthorization(Optional.of("Bearer 0123456789abcdef-key")))
                .isTrue();
        assertThat(key.matchesAuthorization(Optional.of("bearer 0123456789abcdef-key")))
                .isTrue();
        assertThat(key.matchesAuthorization(Optional.of("Bearer 0123456789abcdef-ke")))
                .isFalse();
        assertThat(key.matchesAuthorization(Optional.of("Basic 0123456789abcdef-key")))
                .isFalse();
        assertThat(key.matchesAuthorization(Optional.of("Bearer"))).isFalse();
        assertThat(key.matchesAuthorization(Optional.empty())).isFalse();
    }
}
