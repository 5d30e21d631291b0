package dev.sessionstore.testkit;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract every {@link SessionStore} passes unchanged: lifecycle, expiry, listing and the per-user
 * cap, limits, attribute values, and concurrency fuzz. Each group is an interface of default test
 * methods; this class runs them all.
 *
 * <p>A store's test extends this class and supplies a fresh, empty store per call of {@link
 * #newStore} and a way to let time pass. Stores opened in a test are closed after it. Expiry on a real
 * server costs real time: a handful of tests each wait about one second.
 */
public abstract class SessionStoreContract
        implements SessionLifecycleContract,
                SessionExpiryContract,
                SessionListingContract,
                SessionCapContract,
                SessionLimitsContract,
                SessionValuesContract,
                SessionConcurrencyContract {

    private final List<SessionStore> opened = new ArrayList<>();

    /** A fresh, empty store with this policy. */
    protected abstract SessionStore newStore(SessionPolicy policy);

    /**
     * Lets at least {@code d} of store time pass. A store on a fake clock advances it; a store on real
     * time may sleep or do nothing (expiry checks await the real deadline with a bound).
     */
    protected abstract void letTimePass(Duration d);

    @Override
    public final SessionStore openStore(SessionPolicy policy) {
        SessionStore store = newStore(policy);
        opened.add(store);
        return store;
    }

    @Override
    public final void passTime(Duration d) {
        letTimePass(d);
    }

    @AfterEach
    final void closeOpenedStores() {
        opened.forEach(SessionStore::close);
        opened.clear();
    }
}
