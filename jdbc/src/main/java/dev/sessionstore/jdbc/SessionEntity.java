package dev.sessionstore.jdbc;

import dev.sessionstore.JsonValue;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code ss_session} with its attributes ({@code ss_attribute}) and index values ({@code
 * ss_index_value}) as element-collection maps, so Hibernate writes a changed attribute as one row
 * insert, update or delete. The children go with their session through {@code ON DELETE CASCADE}.
 */
@Entity
@DynamicUpdate
@Table(name = "ss_session")
class SessionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ss_session_seq")
    @SequenceGenerator(name = "ss_session_seq", sequenceName = "ss_session_seq", allocationSize = 50)
    private @Nullable Long pk;

    @Column(name = "session_id", nullable = false, length = 24)
    private String sessionId;

    @Column(name = "user_id")
    private @Nullable String userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_accessed_at", nullable = false)
    private Instant lastAccessedAt;

    @Column(name = "idle_timeout_ms", nullable = false)
    private long idleTimeoutMs;

    @Column(name = "absolute_expires_at", nullable = false)
    private Instant absoluteExpiresAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "version", nullable = false)
    private long version;

    @ElementCollection
    @CollectionTable(name = "ss_attribute", joinColumns = @JoinColumn(name = "session_pk"))
    @MapKeyColumn(name = "name")
    @Column(name = "json", nullable = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    @BatchSize(size = 64)
    private Map<String, String> attributes = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "ss_index_value", joinColumns = @JoinColumn(name = "session_pk"))
    @MapKeyColumn(name = "name")
    @Column(name = "value", nullable = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    @BatchSize(size = 64)
    private Map<String, String> indexes = new HashMap<>();

    protected SessionEntity() {}

    SessionEntity(
            SessionId id,
            Optional<String> userId,
            Instant now,
            Duration idleTimeout,
            Instant absoluteExpiresAt,
            Map<String, JsonValue> attributes,
            Map<String, String> indexes) {
        this.sessionId = id.value();
        this.userId = userId.orElse(null);
        this.createdAt = now;
        this.idleTimeoutMs = idleTimeout.toMillis();
        this.absoluteExpiresAt = absoluteExpiresAt;
        this.version = 1;
        attributes.forEach((name, value) -> this.attributes.put(name, value.json()));
        this.indexes.putAll(indexes);
        this.lastAccessedAt = now;
        this.expiresAt = expiryAfterAccess(now);
    }

    /** The generated key; null until Hibernate persisted the row. */
    @Nullable
    Long pk() {
        return pk;
    }

    /** Whether the session is still live at {@code now}: it is gone at its expiry instant. */
    boolean liveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    /**
     * Records an access: the idle expiry slides to {@code now + idle}, never past the absolute deadline.
     * Never moves backwards, should a concurrent touch with a later clock reading have committed first.
     */
    void access(Instant now) {
        if (lastAccessedAt.isAfter(now)) {
            return;
        }
        lastAccessedAt = now;
        expiresAt = expiryAfterAccess(now);
    }

    private Instant expiryAfterAccess(Instant now) {
        Instant idle = now.plusMillis(idleTimeoutMs);
        return idle.isBefore(absoluteExpiresAt) ? idle : absoluteExpiresAt;
    }

    /** The attribute map to change in place; names to compact JSON text. */
    Map<String, String> attributes() {
        return attributes;
    }

    void nextVersion() {
        version++;
    }

    long version() {
        return version;
    }

    void rotateTo(SessionId id) {
        sessionId = id.value();
        version++;
    }

    /** An immutable snapshot of the row and its children. */
    Session toSession() {
        Map<String, JsonValue> values = new LinkedHashMap<>();
        attributes.forEach((name, json) -> values.put(name, JsonValue.ofStored(json)));
        return new Session(
                new SessionId(sessionId),
                Optional.ofNullable(userId),
                createdAt,
                lastAccessedAt,
                Duration.ofMillis(idleTimeoutMs),
                absoluteExpiresAt,
                version,
                values,
                indexes);
    }
}
