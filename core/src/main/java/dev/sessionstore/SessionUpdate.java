package dev.sessionstore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A delta to a session's attributes: values to set and names to remove (an empty {@code Optional}),
 * optionally guarded by the version the caller last saw. Attributes not named are left alone.
 *
 * @param changes attribute name to its new value, or empty to remove it; unmodifiable, in insertion order
 * @param expectedVersion if present, the update fails with {@link VersionConflictException} unless the
 *     session is at this version
 */
public record SessionUpdate(Map<String, Optional<JsonValue>> changes, OptionalLong expectedVersion) {

    public SessionUpdate {
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        changes.forEach((k, v) -> {
            Objects.requireNonNull(k, "attribute name");
            Objects.requireNonNull(v, "change");
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the changes of a {@link SessionUpdate}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Optional<JsonValue>> changes = new LinkedHashMap<>();
        private OptionalLong expectedVersion = OptionalLong.empty();

        private Builder() {}

        public Builder set(String name, JsonValue value) {
            changes.put(Objects.requireNonNull(name, "name"), Optional.of(Objects.requireNonNull(value, "value")));
            return this;
        }

        public Builder remove(String name) {
            changes.put(Objects.requireNonNull(name, "name"), Optional.empty());
            return this;
        }

        public Builder expectVersion(long version) {
            this.expectedVersion = OptionalLong.of(version);
            return this;
        }

        public SessionUpdate build() {
            return new SessionUpdate(changes, expectedVersion);
        }
    }
}
