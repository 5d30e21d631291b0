package dev.sessionstore;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What to create. Every part is optional; timeouts left empty take the store's {@link SessionTimeouts}
 * defaults. Checked against the store's {@link SessionLimits} at {@link SessionStore#create}.
 *
 * @param userId the user, for per-user listing, revocation and the per-user cap
 * @param attributes initial attributes
 * @param indexes index name to value; fixed for the session's life
 * @param idleTimeout how long the session lives without a touch
 * @param absoluteTimeout how long the session lives at most, from creation
 */
public record NewSession(
        Optional<String> userId,
        Map<String, JsonValue> attributes,
        Map<String, String> indexes,
        Optional<Duration> idleTimeout,
        Optional<Duration> absoluteTimeout) {

    public NewSession {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        attributes = Map.copyOf(attributes);
        indexes = Map.copyOf(indexes);
    }

    /** An anonymous session with no attributes and default timeouts. */
    public static NewSession anonymous() {
        return builder().build();
    }

    /** A session of {@code userId} with no attributes and default timeouts. */
    public static NewSession forUser(String userId) {
        return builder().userId(userId).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the parts of a {@link NewSession}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String userId;
        private final Map<String, JsonValue> attributes = new LinkedHashMap<>();
        private final Map<String, String> indexes = new LinkedHashMap<>();
        private @Nullable Duration idleTimeout;
        private @Nullable Duration absoluteTimeout;

        private Builder() {}

        public Builder userId(String userId) {
            this.userId = Objects.requireNonNull(userId, "userId");
            return this;
        }

        public Builder attribute(String name, JsonValue value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder attributes(Map<String, JsonValue> values) {
            values.forEach(this::attribute);
            return this;
        }

        public Builder index(String name, String value) {
            indexes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder indexes(Map<String, String> values) {
            values.forEach(this::index);
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
            return this;
        }

        public Builder absoluteTimeout(Duration absoluteTimeout) {
            this.absoluteTimeout = Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
            return this;
        }

        public NewSession build() {
            return new NewSession(
                    Optional.ofNullable(userId),
                    attributes,
                    indexes,
                    Optional.ofNullable(idleTimeout),
                    Optional.ofNullable(absoluteTimeout));
        }
    }
}
