package dev.sessionstore.servlet;

import dev.sessionstore.SessionStore;
import dev.sessionstore.json.AttributeCodec;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What every request of one {@link SessionFilter} shares. Thread-safe. */
final class FilterContext {
    static final System.Logger LOG = System.getLogger(SessionFilter.class.getName());

    private final SessionStore store;
    private final SessionFilterOptions options;
    private final SessionCookies cookies;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    FilterContext(SessionStore store, SessionFilterOptions options) {
        this.store = store;
        this.options = options;
        this.cookies = new SessionCookies(options);
    }

    SessionStore store() {
        return store;
    }

    SessionFilterOptions options() {
        return options;
    }

    SessionCookies cookies() {
        return cookies;
    }

    AttributeCodec codec() {
        return options.codec();
    }

    /** Logs a warning the first time {@code key} is seen by this filter. Never pass a token. */
    void warnOnce(String key, String message) {
        if (warned.add(key)) {
            LOG.log(Level.WARNING, message);
        }
    }
}
