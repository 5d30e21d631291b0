package dev.sessionstore.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.LimitExceededException;
import dev.sessionstore.SessionNotFoundException;
import dev.sessionstore.StoreUnavailableException;
import dev.sessionstore.VersionConflictException;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
    @Test
    void storeExceptions_mapToTheirStatuses() {
        assertThat(ErrorMapping.toProblem(new SessionNotFoundException()).status())
                .isEqualTo(404);
        assertThat(ErrorMapping.toProblem(new VersionConflictException(1, 2)).status())
                .isEqualTo(412);
        assertThat(ErrorMapping.toProblem(new LimitExceededException("maxAttributes", 64, 65))
                        .status())
                .isEqualTo(413);
        assertThat(ErrorMapping.toProblem(new IllegalArgumentException("bad index name"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theUserCapUnderRefuse_is409() {
        Problem p = ErrorMapping.toProblem(new LimitExceededException("maxSessionsPerUser", 50, 51));
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.extensions()).containsEntry("limit", "maxSessionsPerUser");
    }

    @Test
    void storeUnavailable_is503WithRetryAfter() {
        Problem p = ErrorMapping.toProblem(new StoreUnavailableException("down", new RuntimeException()));
        assertThat(p.status()).isEqualTo(503);
        assertThat(p.headers()).containsEntry("Retry-After", "1");
    }

    @Test
    void anythingUnexpected_is500WithoutItsMessage() {
        Problem p = ErrorMapping.toProblem(new IllegalStateException("secret internals"));
        assertThat(p.status()).isEqualTo(500);
        assertThat(p.detail()).doesNotContain("secret");
    }
}
