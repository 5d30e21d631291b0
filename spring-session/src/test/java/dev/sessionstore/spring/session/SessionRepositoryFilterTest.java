package dev.sessionstore.spring.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.Session;
import dev.sessionstore.SessionToken;
import dev.sessionstore.memory.InMemorySessionStore;
import dev.sessionstore.testkit.CountingStore;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spring Session's {@code SessionRepositoryFilter} over the repository, request by request, counting store calls. */
class SessionRepositoryFilterTest {
    private InMemorySessionStore backing;
    private CountingStore store;
    private FilterApp app;

    @BeforeEach
    void start() throws Exception {
        backing = new InMemorySessionStore();
        store = new CountingStore(backing);
        app = new FilterApp(
                new SessionStoreRepository(store, SessionStoreRepositoryOptions.defaults(), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        app.close();
        backing.close();
    }

    @Test
    void requestNotUsingTheSession_makesNoStoreCall_andSetsNoCookie() {
        FilterApp.Reply reply = app.get("/noop", null);

        assertThat(reply.sessionCookies()).isEmpty();
        assertThat(store.total()).isZero();
    }

    @Test
    void firstSave_createsTheSessionOnce_andTheCookieCarriesItsToken() {
        FilterApp.Reply reply = app.get("/set?value=v1", null);

        assertThat(store.count("create")).isEqualTo(1);
        assertThat(store.total()).isEqualTo(1);
        SessionToken token = SessionToken.parse(reply.sessionId());
        assertThat(backing.peek(token)).isPresent();
    }

    @Test
    void requestReadingTheSession_isOneTouch_andResendsNoCookie() {
        String id = app.get("/set?value=v1", null).sessionId();
        store.reset();

        FilterApp.Reply reply = app.get("/get", id);

        assertThat(reply.body()).isEqualTo("v1");
        assertThat(store.count("touch")).isEqualTo(1);
        assertThat(store.total()).isEqualTo(1);
        assertThat(reply.sessionCookies()).isEmpty();
    }

    @Test
    void requestWhoseResponseIsCommittedEarly_isStillOneTouch() {
        String id = app.get("/set?value=v1", null).sessionId();
        store.reset();

        FilterApp.Reply reply = app.get("/get-committed", id);

        // Spring Session saves at the commit and again when the chain returns; the second save looks the session up
        // again, which SessionStoreRepositoryFilter answers from the first lookup (Spring's own filter: 2 touches)
        assertThat(reply.body()).isEqualTo("v1");
        assertThat(store.count("touch")).isEqualTo(1);
        assertThat(store.total()).isEqualTo(1);
        assertThat(app.get("/get", id).body()).isEqualTo("v1"); // the next request touches afresh
        assertThat(store.count("touch")).isEqualTo(2);
    }

    @Test
    void requestChangingAnAttribute_isOneTouchAndOneUpdate() {
        String id = app.get("/set?value=v1", null).sessionId();
        store.reset();

        app.get("/set?value=v2", id);

        assertThat(store.count("touch")).isEqualTo(1);
        assertThat(store.count("update")).isEqualTo(1);
        assertThat(store.total()).isEqualTo(2);
        assertThat(app.get("/get", id).body()).isEqualTo("v2");
    }

    @Test
    void login_givesANewTokenOfTheUser_andTheOldTokenOpensNothing() {
        String anonymous = app.get("/set?value=cart", null).sessionId();
        store.reset();

        FilterApp.Reply reply = app.get("/login?user=ann", anonymous);

        // touch; changeSessionId: rotate; save with a new principal: revoke + create
        assertThat(store.count("touch")).isEqualTo(1);
        assertThat(store.count("rotate")).isEqualTo(1);
        assertThat(store.count("revoke")).isEqualTo(1);
        assertThat(store.count("create")).isEqualTo(1);
        assertThat(store.total()).isEqualTo(4);
        String loggedIn = reply.sessionId();
        assertThat(loggedIn).isNotEqualTo(anonymous);
        assertThat(app.get("/get", anonymous).body()).isEqualTo("no session");
        assertThat(app.get("/get", loggedIn).body()).isEqualTo("cart");
        Session session = backing.peek(SessionToken.parse(loggedIn)).orElseThrow();
        assertThat(session.userId()).contains("ann");
        assertThat(backing.listByUser("ann")).hasSize(1);
    }

    @Test
    void logout_revokesTheSession_andClearsTheCookie() {
        String id = app.get("/set?value=v1", null).sessionId();

        FilterApp.Reply reply = app.get("/logout", id);

        assertThat(backing.peek(SessionToken.parse(id))).isEmpty();
        assertThat(reply.sessionCookies()).singleElement().asString().contains("Max-Age=0");
        assertThat(app.get("/get", id).body()).isEqualTo("no session");
    }
}
