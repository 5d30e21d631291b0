package dev.sessionstore.servlet;

import dev.sessionstore.SessionStore;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What every request of one {@link SessionFilter} shares. Thread-safe. */
final class FilterContext {
    static final System.Logger LOG = System.getLogger(SessionFilter.class.getName());

    private final SessionStore store;
    private final SessionFilterOptions options;
    private final SessionCookies cookies;
    private final AttributeValues values;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    FilterContext(SessionStore store, SessionFilterOptions options, AttributeValues values) {
        this.store = store;
        this.options = options;
        this.cookies = new SessionCookies(options);
        this.values = values;
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

    AttributeValues values() {
        return values;
    }

    /** Logs a warning the first time {@code key} is seen by this filter. Never pass a token. */
    void warnOnce(String key, String message) {
        if (warned.add(key)) {
            LOG.log(Level.WARNING, message);
        }
    }
}
