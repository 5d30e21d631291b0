package dev.sessionstore.servlet;

import dev.sessionstore.SessionTimeouts;
import dev.sessionstore.json.AttributeCodec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link SessionFilter}. Immutable; validated when built, with messages that name the setting
 * and the bad value.
 *
 * @param cookieName the session cookie's name; default {@value #DEFAULT_COOKIE_NAME}
 * @param insecureDevelopmentCookie for plain-http development only: the cookie is sent without {@code Secure}
 *     and without a {@code __Host-} or {@code __Secure-} prefix (browsers refuse such prefixed cookies over
 *     http); the filter logs a warning once
 * @param idleTimeout the idle timeout of sessions the filter creates, unless the application sets another with
 *     {@code HttpSession.setMaxInactiveInterval} before the session is first saved; default 30 minutes
 * @param absoluteTimeout the absolute lifetime of sessions the filter creates; empty: the store's default
 * @param codec turns attribute values into JSON and back; its allow-list says which types a session may hold;
 *     default {@code AttributeCodec.builder().build()} (strings, numbers, booleans, UUID, Instant, JDK collections)
 */
public record SessionFilterOptions(
        String cookieName,
        boolean insecureDevelopmentCookie,
        Duration idleTimeout,
        Optional<Duration> absoluteTimeout,
        AttributeCodec codec) {

    /** The default cookie name: host-only, {@code Secure}, {@code Path=/} are required by its prefix. */
    public static final String DEFAULT_COOKIE_NAME = "__Host-session";

    /** Longest cookie name accepted. */
    public static final int MAX_COOKIE_NAME_LENGTH = 64;

    /** RFC 6265 cookie-name: an RFC 7230 token. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public SessionFilterOptions {
        Objects.requireNonNull(cookieName, "cookieName");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        Objects.requireNonNull(codec, "codec");
        if (cookieName.isEmpty()
                || cookieName.length() > MAX_COOKIE_NAME_LENGTH
                || !TOKEN.matcher(cookieName).matches()) {
            throw new IllegalArgumentException("cookieName must be 1 to " + MAX_COOKIE_NAME_LENGTH
                    + " token characters (RFC 6265): '" + cookieName + "'");
        }
        if (insecureDevelopmentCookie && unprefixed(cookieName).isEmpty()) {
            throw new IllegalArgumentException(
                    "cookieName must keep a name without its prefix for insecureDevelopmentCookie: '" + cookieName
                            + "'");
        }
        SessionTimeouts.requireAtLeastMin("idleTimeout", idleTimeout);
        absoluteTimeout.ifPresent(d -> SessionTimeouts.requireAtLeastMin("absoluteTimeout", d));
    }

    /** The default idle timeout: the stores' default ({@link SessionTimeouts#defaults()}), 30 minutes. */
    public static final Duration DEFAULT_IDLE_TIMEOUT =
            SessionTimeouts.defaults().defaultIdle();

    /** The defaults: cookie {@value #DEFAULT_COOKIE_NAME}, secure, idle 30 minutes, the store's absolute timeout. */
    public static SessionFilterOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The name the cookie is sent under: {@link #cookieName()}, without its prefix in insecure development mode. */
    public String effectiveCookieName() {
        return insecureDevelopmentCookie ? unprefixed(cookieName) : cookieName;
    }

    private static String unprefixed(String name) {
        for (String prefix : new String[] {"__Host-", "__Secure-"}) {
            if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }

    /** Collects the settings of {@link SessionFilterOptions}. Not thread-safe. */
    public static final class Builder {
        private String cookieName = DEFAULT_COOKIE_NAME;
        private boolean insecureDevelopmentCookie;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private @Nullable Duration absoluteTimeout;
        private @Nullable AttributeCodec codec;

        private Builder() {}

        public Builder cookieName(String cookieName) {
            this.cookieName = Objects.requireNonNull(cookieName, "cookieName");
            return this;
        }

        /** Plain-http development only; see {@link SessionFilterOptions#insecureDevelopmentCookie()}. */
        public Builder insecureDevelopmentCookie(boolean insecure) {
            this.insecureDevelopmentCookie = insecure;
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

        /** The codec of attribute values, with the allow-list of the application's types. */
        public Builder codec(AttributeCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * Validates the settings and builds the options.
         *
         * @throws IllegalArgumentException naming the setting and value that are out of range
         */
        public SessionFilterOptions build() {
            return new SessionFilterOptions(
                    cookieName,
                    insecureDevelopmentCookie,
                    idleTimeout,
                    Optional.ofNullable(absoluteTimeout),
                    codec != null ? codec : AttributeCodec.builder().build());
        }
    }
}
