package dev.sessionstore.server.http;

import com.fasterxml.jackson.core.JacksonException;
import dev.sessionstore.LimitExceededException;
import dev.sessionstore.SessionNotFoundException;
import dev.sessionstore.StoreUnavailableException;
import dev.sessionstore.VersionConflictException;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.HttpException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP statuses. A {@link LimitExceededException} is 413 (the request
 * asks to store more than the limits allow), except {@code maxSessionsPerUser} under the REFUSE cap policy,
 * which is 409 (the request is fine; the user's state forbids it). Anything unexpected is logged and is the
 * only path to a 500.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    /** Seconds a client should wait before retrying when the store is unavailable. */
    public static final String RETRY_AFTER_SECONDS = "1";

    private ErrorMapping() {}

    public static Problem toProblem(Throwable t) {
        return switch (t) {
            case ApiException e -> e.problem();
            case SessionNotFoundException e -> ApiException.notFound().problem();
            case VersionConflictException e ->
                Problem.of(412, "version-conflict", "Version mismatch", "the session is at version " + e.actual())
                        .withExtensions(Map.of("expected", e.expected(), "actual", e.actual()));
            case LimitExceededException e -> limit(e);
            case StoreUnavailableException e ->
                Problem.of(503, "store-unavailable", "Store unavailable", "the session store did not answer in time")
                        .withHeaders(Map.of("Retry-After", RETRY_AFTER_SECONDS));
            case IllegalArgumentException e ->
                ApiException.badRequest(Objects.requireNonNullElse(e.getMessage(), "bad argument"))
                        .problem();
            case JacksonException e -> ApiException.badRequest("malformed JSON").problem();
            case HttpException e
            when e.status().code() >= 400 && e.status().code() < 500 ->
                Problem.of(
                        e.status().code(),
                        "http-" + e.status().code(),
                        e.status().reasonPhrase(),
                        safe(e.getMessage()));
            case DataReader.InsufficientDataAvailableException e ->
                ApiException.badRequest("the request ended early").problem();
            case UncheckedIOException e ->
                ApiException.badRequest("the request could not be read").problem();
            default -> unexpected(t);
        };
    }

    private static Problem limit(LimitExceededException e) {
        Map<String, Object> ext = Map.of("limit", e.limit(), "max", e.max(), "actual", e.actual());
        if (e.limit().equals("maxSessionsPerUser")) {
            return Problem.of(409, "session-cap", "Too many sessions", "the user is at the session cap")
                    .withExtensions(ext);
        }
        return Problem.of(413, "limit-exceeded", "Limit exceeded", Objects.requireNonNull(e.getMessage()))
                .withExtensions(ext);
    }

    private static Problem unexpected(Throwable t) {
        LOG.error("unexpected error", t);
        return Problem.of(500, "internal", "Internal error", "an unexpected error occurred; see the server log");
    }

    private static String safe(@Nullable String message) {
        return message == null ? "" : message.length() > 200 ? message.substring(0, 200) : message;
    }
}
