package dev.sessionstore.testkit;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract every {@link SessionStore} passes unchanged: lifecycle, expiry, listing and the per-user
 * cap, paged listings, limits, attribute values, and concurrency fuzz. Each group is an interface of default test
 * methods; this class runs them all.
 *
 * <p>A store's test extends this class and supplies a fresh, empty store per call of {@link #newStore}
 * and the {@link #storeClock() clock} the store reads. Stores opened in a test are closed after it. On a
 * {@link MutableClock} the contract moves time by hand; on real time it waits, so a handful of tests each
 * take one to three seconds there.
 */
public abstract class SessionStoreContract
        implements SessionLifecycleContract,
                SessionExpiryContract,
                SessionListingContract,
                SessionPagingContract,
                SessionCapContract,
                SessionLimitsContract,
                SessionValuesContract,
                SessionConcurrencyContract {

    private final List<SessionStore> opened = new ArrayList<>();

    /** A fresh, empty store with this policy. */
    protected abstract SessionStore newStore(SessionPolicy policy);

    @Override
    public final SessionStore openStore(SessionPolicy policy) {
        SessionStore store = newStore(policy);
        opened.add(store);
        return store;
    }

    @AfterEach
    final void closeOpenedStores() {
        opened.forEach(SessionStore::close);
        opened.clear();
    }
}
