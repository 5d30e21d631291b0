package dev.sessionstore.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.Session;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import dev.sessionstore.json.AttributeCodec;
import dev.sessionstore.testkit.CountingStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter in a small Jetty app, on the store {@link #newStore()} gives; run per backend. */
abstract class SessionFilterScenarios {
    static final String COOKIE = SessionFilterOptions.DEFAULT_COOKIE_NAME;

    private SessionStore backend;
    private CountingStore store;
    private TestApp app;
    private Client client;

    abstract SessionStore newStore();

    @BeforeEach
    void startApp() throws Exception {
        backend = newStore();
        store = new CountingStore(backend);
        app = new TestApp(store, options().build());
        client = new Client(app, COOKIE);
    }

    static SessionFilterOptions.Builder options() {
        return SessionFilterOptions.builder()
                .codec(AttributeCodec.builder().allow(TestApp.Profile.class).build());
    }

    @AfterEach
    void stopApp() throws Exception {
        app.close();
        backend.close();
    }

    private String signIn(String name) {
        return client.tokenOf(client.get("/signin?name=" + name));
    }

    private Session stored(String token) {
        return backend.peek(SessionToken.parse(token)).orElseThrow(() -> new AssertionError("session not stored"));
    }

    @Test
    void requestNotAskingForTheSession_callsNoStoreAndSetsNoCookie() {
        Client.Reply noop = client.get("/noop");
        Client.Reply read = client.get("/read?name=user");

        assertThat(noop.setCookies()).isEmpty();
        assertThat(read.body()).isEqualTo("no session");
        assertThat(read.setCookies()).isEmpty();
        assertThat(store.total()).isZero();
    }

    @Test
    void requestNotAskingForTheSession_withCookie_callsNoStore() {
        String token = signIn("ada");
        store.reset();

        client.get("/noop", token);

        assertThat(store.total()).isZero();
    }

    @Test
    void sessionCookie_isHostOnlySecureHttpOnlyLax() {
        String header = client.get("/signin?name=ada").sessionCookie(COOKIE).orElseThrow();

        assertThat(header).startsWith(COOKIE + "=" + SessionToken.PREFIX);
        List<String> parts = List.of(header.toLowerCase(Locale.ROOT).split(";\\s*"));
        assertThat(parts).contains("path=/", "secure", "httponly", "samesite=lax");
        assertThat(parts).noneMatch(p -> p.startsWith("domain") || p.startsWith("max-age") || p.startsWith("expires"));
    }

    @Test
    void recordAttribute_roundTripsAsJson() {
        String token = signIn("ada");

        assertThat(client.get("/read?name=user", token).body()).isEqualTo("Profile[name=ada, level=3]");
        assertThat(stored(token).attribute("user").orElseThrow().json())
                .contains("\"name\":\"ada\"")
                .contains("TestApp$Profile");
    }

    @Test
    void disallowedType_failsNamingTheType_andIsNotStored() {
        String token = signIn("ada");

        Client.Reply reply = client.get("/forbidden", token);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).contains(TestApp.Secret.class.getName());
        assertThat(stored(token).attributes()).containsOnlyKeys("user");
    }

    @Test
    void getId_isThePublicId_notTheToken() {
        String token = signIn("ada");

        String id = client.get("/id", token).body();

        assertThat(id).isEqualTo(SessionToken.parse(token).id().value()).doesNotContain(token);
    }

    @Test
    void changeSessionId_rotates_oldCookieDeadAtOnce() {
        String old = signIn("ada");
        String oldId = SessionToken.parse(old).id().value();
        store.reset();

        Client.Reply rotated = client.get("/rotate", old);
        String fresh = client.tokenOf(rotated);

        assertThat(store.count("rotate")).isEqualTo(1);
        assertThat(fresh).isNotEqualTo(old);
        assertThat(rotated.body())
                .isEqualTo(SessionToken.parse(fresh).id().value())
                .isNotEqualTo(oldId);
        assertThat(client.get("/read?name=user", old).body()).isEqualTo("no session");
        assertThat(client.get("/read?name=user", fresh).body()).isEqualTo("Profile[name=ada, level=3]");
    }

    @Test
    void invalidate_revokesAndExpiresTheCookie() {
        String token = signIn("ada");

        Client.Reply reply = client.get("/invalidate", token);

        assertThat(reply.body()).isEqualTo("invalidated");
        String expired = reply.sessionCookie(COOKIE).orElseThrow();
        assertThat(expired).startsWith(COOKIE + "=;");
        assertThat(expired.toLowerCase(Locale.ROOT)).containsAnyOf("max-age=0", "expires=thu, 01 jan 1970");
        assertThat(backend.peek(SessionToken.parse(token))).isEmpty();
        assertThat(client.get("/read?name=user", token).body()).isEqualTo("no session");
    }

    @Test
    void sendRedirect_savesTheNewSessionBeforeTheResponseIsCommitted() {
        Client.Reply redirect = client.get("/redirect?value=saved");

        assertThat(redirect.status()).isEqualTo(302);
        String token = client.tokenOf(redirect);
        assertThat(client.get("/read?name=flash", token).body()).isEqualTo("saved");
    }

    @Test
    void sendRedirect_savesTheChangeOfAnExistingSession() {
        String token = signIn("ada");
        store.reset();

        Client.Reply redirect = client.get("/redirect?value=again", token);

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.setCookies()).isEmpty();
        assertThat(store.count("update")).isEqualTo(1);
        assertThat(stored(token).attribute("flash").orElseThrow().json()).isEqualTo("\"again\"");
    }

    @Test
    void redirectAfterWritingABody_stillSendsTheCookieAndSaves() {
        Client.Reply redirect = client.get("/write-then-redirect?value=kept");

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(client.get("/read?name=flash", client.tokenOf(redirect)).body())
                .isEqualTo("kept");
    }

    @Test
    void bodyOverflowingTheBuffer_savesBeforeTheCommit() {
        Client.Reply reply = client.get("/large?value=big&size=5000");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).hasSize(5000);
        assertThat(client.get("/read?name=flash", client.tokenOf(reply)).body()).isEqualTo("big");
    }

    @Test
    void bodyReachingItsContentLength_savesBeforeTheCommit() {
        Client.Reply reply = client.get("/length?value=exact");

        assertThat(reply.body()).isEqualTo("ok");
        assertThat(client.get("/read?name=flash", client.tokenOf(reply)).body()).isEqualTo("exact");
    }

    @Test
    void resetAfterAnEarlySave_keepsTheSessionCookie() {
        Client.Reply reply = client.get("/reset?value=again");

        assertThat(reply.body()).isEqualTo("after reset");
        assertThat(client.get("/read?name=flash", client.tokenOf(reply)).body()).isEqualTo("again");
        assertThat(store.count("create")).isEqualTo(1);
    }

    @Test
    void sendError_savesAndSendsTheCookie() {
        Client.Reply reply = client.get("/error?value=denied");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(client.get("/read?name=flash", client.tokenOf(reply)).body()).isEqualTo("denied");
    }

    @Test
    void writes_onePerChangingRequest_noneWhenNothingChanged() {
        client.get("/signin?name=ada");
        assertThat(store.count("create")).isEqualTo(1);
        assertThat(store.count("update")).isZero();
        String token = signIn("bob");
        store.reset();

        client.get("/set?name=a&value=1&value2=2", token);
        assertThat(store.count("touch")).isEqualTo(1);
        assertThat(store.count("update")).isEqualTo(1);

        client.get("/set?name=a&value=1&value2=2", token);
        client.get("/read?name=a", token);
        assertThat(store.count("touch")).isEqualTo(3);
        assertThat(store.count("update")).isEqualTo(1);
        assertThat(store.total()).isEqualTo(4);
    }

    @Test
    void concurrentRequestsOfOneSession_keepEveryChange() throws Exception {
        String token = signIn("ada");
        int threads = 8;
        int perThread = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        Client.Reply r = client.get("/set?name=k" + thread + "_" + i + "&value=v", token);
                        assertThat(r.status()).isEqualTo(200);
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(client.get("/count", token).body()).isEqualTo(String.valueOf(threads * perThread + 1));
        assertThat(stored(token).version()).isEqualTo(1 + threads * perThread);
    }

    @Test
    void malformedOrOversizedCookie_isIgnoredWithoutAStoreCall() {
        String oversized = SessionToken.PREFIX + "a".repeat(4000);

        assertThat(client.get("/read?name=user", oversized).body()).isEqualTo("no session");
        assertThat(client.get("/read?name=user", "sst_00notatoken").body()).isEqualTo("no session");
        assertThat(store.total()).isZero();
    }

    @Test
    void setMaxInactiveInterval_honouredBeforeTheFirstSave_ignoredAfter() {
        Client.Reply first = client.get("/idle?seconds=120");
        String token = client.tokenOf(first);
        assertThat(first.body()).isEqualTo("120");
        assertThat(stored(token).idleTimeout()).isEqualTo(Duration.ofMinutes(2));

        Client.Reply second = client.get("/idle?seconds=600", token);
        assertThat(second.body()).isEqualTo("120");
        assertThat(stored(token).idleTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void absoluteTimeout_isTheFilterSetting() throws Exception {
        app.close();
        app = new TestApp(store, options().absoluteTimeout(Duration.ofHours(2)).build());
        client = new Client(app, COOKIE);

        Session s = stored(signIn("ada"));

        assertThat(Duration.between(s.createdAt(), s.absoluteExpiresAt())).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void insecureDevelopmentCookie_dropsSecureAndThePrefix() throws Exception {
        app.close();
        app = new TestApp(store, options().insecureDevelopmentCookie(true).build());
        client = new Client(app, "session");

        Client.Reply reply = client.get("/signin?name=ada");
        String header = reply.sessionCookie("session").orElseThrow();

        assertThat(header.toLowerCase(Locale.ROOT)).doesNotContain("secure").contains("httponly");
        assertThat(client.get("/read?name=user", client.tokenOf(reply)).body()).isEqualTo("Profile[name=ada, level=3]");
    }
}
