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
 */
public record SessionStoreRepositoryOptions(
        Duration defaultIdleTimeout, Optional<Duration> absoluteTimeout, AttributeCodec codec) {

    public SessionStoreRepositoryOptions {
        Objects.requireNonNull(defaultIdleTimeout, "defaultIdleTimeout");
        Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        Objects.requireNonNull(codec, "codec");
        SessionTimeouts.requireAtLeastMin("defaultIdleTimeout", defaultIdleTimeout);
        absoluteTimeout.ifPresent(d -> SessionTimeouts.requireAtLeastMin("absoluteTimeout", d));
    }

    /**
     * Idle timeout 30 minutes (the stores' default), the store's absolute timeout, and {@link
     * SpringSessionCodecs#defaultCodec} of this class's loader: the codec's default types, plus Spring Security's
     * types when Spring Security is on the class path.
     */
    public static SessionStoreRepositoryOptions defaults() {
        return new SessionStoreRepositoryOptions(
                SessionTimeouts.defaults().defaultIdle(),
                Optional.empty(),
                SpringSessionCodecs.defaultCodec(SessionStoreRepositoryOptions.class.getClassLoader()));
    }

    public SessionStoreRepositoryOptions withDefaultIdleTimeout(Duration idle) {
        return new SessionStoreRepositoryOptions(idle, absoluteTimeout, codec);
    }

    public SessionStoreRepositoryOptions withAbsoluteTimeout(Duration absolute) {
        return new SessionStoreRepositoryOptions(
                defaultIdleTimeout, Optional.of(Objects.requireNonNull(absolute, "absoluteTimeout")), codec);
    }

    public SessionStoreRepositoryOptions withCodec(AttributeCodec newCodec) {
        return new SessionStoreRepositoryOptions(defaultIdleTimeout, absoluteTimeout, newCodec);
    }
}
