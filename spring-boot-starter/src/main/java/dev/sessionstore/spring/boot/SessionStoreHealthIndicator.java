package dev.sessionstore.spring.boot;

import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the store answers one read (a {@code peek} of a fresh random token, which finds nothing and changes
 * nothing), DOWN when it throws.
 */
final class SessionStoreHealthIndicator extends AbstractHealthIndicator {
    private final SessionStore store;

    SessionStoreHealthIndicator(SessionStore store) {
        super("sessionstore health check failed");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        store.peek(SessionToken.generateAnonymous());
        builder.up();
    }
}
