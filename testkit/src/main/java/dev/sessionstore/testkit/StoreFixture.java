package dev.sessionstore.testkit;

import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import java.time.Duration;

/**
 * What every contract group needs from the store under test. {@link SessionStoreContract} implements it;
 * implement it directly only to run a single group.
 */
public interface StoreFixture {

    /**
     * A fresh, empty store with this policy, closed after the test. A test may open several stores, one
     * after another; it is done with the previous one when it opens the next.
     */
    SessionStore openStore(SessionPolicy policy);

    /**
     * Lets at least {@code d} of store time pass: a fake clock moves forward; a store on real time may
     * sleep or do nothing, since expiry checks then await the real deadline.
     */
    void passTime(Duration d);
}
