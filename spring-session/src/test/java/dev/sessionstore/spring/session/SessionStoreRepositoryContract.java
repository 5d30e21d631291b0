package dev.sessionstore.spring.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link SessionStoreRepository} promises, on any store: run by one subclass per store. Every store call is
 * counted through {@link CountingStore}.
 */
abstract class SessionStoreRepositoryContract {
    SessionStore backing;
    CountingStore store;
    SessionStoreRepository repository;

    /** A new, empty store; the suite closes it. */
    abstract SessionStore newStore();

    SessionStoreRepositoryOptions options() {
        return SessionStoreRepositoryOptions.defaults();
    }

    @BeforeEach
    void setUp() {
        backing = newStore();
        store = new CountingStore(backing);
        repository = new SessionStoreRepository(store, options(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        backing.close();
    }

    /** A session saved with these attributes, and the token that opens it; the counts are reset. */
    SessionToken saved(Object... nameValues) {
        SessionStoreSession session = repository.createSession();
        for (int i = 0; i < nameValues.length; i += 2) {
            session.setAttribute((String) nameValues[i], nameValues[i + 1]);
        }
        repository.save(session);
        store.reset();
        return SessionToken.parse(session.getId());
    }

    @Test
    void createSession_makesNothingInTheStore() {
        SessionStoreSession session = repository.createSession();
        session.setAttribute("a", "b");

        assertThat(store.total()).isZero();
        assertThat(session.publicId()).isEmpty();
        assertThat(session.getId()).startsWith("new_");
        assertThat(repository.findById(session.getId())).isNull();
    }

    @Test
    void save_ofNewSession_createsItInOneCall_andItsIdIsTheToken() {
        SessionStoreSession session = repository.createSession();
        session.setAttribute("cart", "3 items");

        repository.save(session);

        assertThat(store.count("create")).isEqualTo(1);
        assertThat(store.total()).isEqualTo(1);
        SessionToken token = SessionToken.parse(session.getId());
        assertThat(session.publicId()).contains(token.id());
        assertThat(backing.peek(token))
                .hasValueSatisfying(s -> assertThat(s.attributes()).containsKey("cart"));
    }

    @Test
    void findById_ofToken_isOneTouch_andReadsTheAttributes() {
        SessionToken token = saved("cart", "3 items", "count", 7);

        SessionStoreSession found = repository.findById(token.reveal());

        assertThat(store.count("touch")).isEqualTo(1);
        assertThat(store.total()).isEqualTo(1);
        assertThat(found).isNotNull();
        assertThat(found.getId()).isEqualTo(token.reveal());
        assertThat((String) found.getAttribute("cart")).isEqualTo("3 items");
        assertThat((Integer) found.getAttribute("count")).isEqualTo(7);
        assertThat(found.getAttributeNames()).containsExactlyInAnyOrder("cart", "count");
    }

    @Test
    void deleteById_ofToken_revokesTheSession() {
        SessionToken token = saved("a", "b");

        repository.deleteById(token.reveal());

        assertThat(store.count("revoke")).isEqualTo(1);
        assertThat(backing.peek(token)).isEmpty();
        assertThat(repository.findById(token.reveal())).isNull();
    }
}
