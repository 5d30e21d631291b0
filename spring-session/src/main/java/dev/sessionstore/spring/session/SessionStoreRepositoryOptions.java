package dev.sessionstore.spring.session;

import dev.sessionstore.SessionTimeouts;
import dev.sessionstore.json.AttributeCodec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link SessionStoreRepository}. Immutable; validated when built, with messages that name the setting
 * and the bad value.
 *
 * @param defaultIdleTimeout the idle timeout of new sessions, until the application sets another with {@code
 *     Session.setMaxInactiveInterval}; at least {@link SessionTimeouts#MIN}
 * @param absoluteTimeout the absolute lifetime of new sessions; empty: the store's default (12 hours for the stores'
 *     own defaults); at least {@link SessionTimeouts#MIN}
 * @param codec turns attribute values into JSON and back; its allow-list says which types a session may hold
 * @param securityContextCache how many sessions' decoded Spring Security contexts the repository keeps, so that a
 *     request whose session's stored context is unchanged skips decoding it (0 to {@link #MAX_SECURITY_CONTEXT_CACHE};
 *     0: decode on every request). The store is asked on every request all the same; a session's {@code
 *     Authentication} is then shared by its own requests only, as in a servlet container's in-memory session, and a
 *     new {@code SecurityContextImpl} wraps it each time. No effect without Spring Security.
 */
public record SessionStoreRepositoryOptions(
        Duration defaultIdleTimeout,
        Optional<Duration> absoluteTimeout,
        AttributeCodec codec,
        int securityContextCache) {

    /**
     * The default of {@link #securityContextCache()}. Each entry holds one context's stored JSON and its decoded {@code
     * Authentication}.
     */
    public static final int DEFAULT_SECURITY_CONTEXT_CACHE = 10_000;

    /** The most {@link #securityContextCache()} may be. */
    public static final int MAX_SECURITY_CONTEXT_CACHE = 1_000_000;

    public SessionStoreRepositoryOptions {
        Objects.requireNonNull(defaultIdleTimeout, "defaultIdleTimeout");
        Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        Objects.requireNonNull(codec, "codec");
        SessionTimeouts.requireAtLeastMin("defaultIdleTimeout", defaultIdleTimeout);
        absoluteTimeout.ifPresent(d -> SessionTimeouts.requireAtLeastMin("absoluteTimeout", d));
        if (securityContextCache < 0 || securityContextCache > MAX_SECURITY_CONTEXT_CACHE) {
            throw new IllegalArgumentException("securityContextCache must be 0 to " + MAX_SECURITY_CONTEXT_CACHE
                    + " sessions, got " + securityContextCache);
        }
    }

    /** Options with the default {@link #securityContextCache()}. */
    public SessionStoreRepositoryOptions(
            Duration defaultIdleTimeout, Optional<Duration> absoluteTimeout, AttributeCodec codec) {
        this(defaultIdleTimeout, absoluteTimeout, codec, DEFAULT_SECURITY_CONTEXT_CACHE);
    }

    /**
     * Idle timeout 30 minutes (the stores' default), the store's absolute timeout, {@link
     * SpringSessionCodecs#defaultCodec} of this class's loader (the codec's default types, plus Spring Security's types
     * when Spring Security is on the class path), and {@link #DEFAULT_SECURITY_CONTEXT_CACHE} sessions' contexts kept.
     */
    public static SessionStoreRepositoryOptions defaults() {
        return new SessionStoreRepositoryOptions(
                SessionTimeouts.defaults().defaultIdle(),
                Optional.empty(),
                SpringSessionCodecs.defaultCodec(SessionStoreRepositoryOptions.class.getClassLoader()));
    }

    public SessionStoreRepositoryOptions withDefaultIdleTimeout(Duration idle) {
        return new SessionStoreRepositoryOptions(idle, absoluteTimeout, codec, securityContextCache);
    }

    public SessionStoreRepositoryOptions withAbsoluteTimeout(Duration absolute) {
        return new SessionStoreRepositoryOptions(
                defaultIdleTimeout,
                Optional.of(Objects.requireNonNull(absolute, "absoluteTimeout")),
                codec,
                securityContextCache);
    }

    public SessionStoreRepositoryOptions withCodec(AttributeCodec newCodec) {
        return new SessionStoreRepositoryOptions(defaultIdleTimeout, absoluteTimeout, newCodec, securityContextCache);
    }

    /** @throws IllegalArgumentException if {@code sessions} is outside 0 to {@link #MAX_SECURITY_CONTEXT_CACHE} */
    public SessionStoreRepositoryOptions withSecurityContextCache(int sessions) {
        return new SessionStoreRepositoryOptions(defaultIdleTimeout, absoluteTimeout, codec, sessions);
    }
}
