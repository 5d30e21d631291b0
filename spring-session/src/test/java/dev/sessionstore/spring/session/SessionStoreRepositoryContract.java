package dev.sessionstore.spring.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.sessionstore.Session;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionTimeouts;
import dev.sessionstore.SessionToken;
import dev.sessionstore.json.DisallowedTypeException;
import dev.sessionstore.testkit.CountingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.userdetails.User;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * What {@link SessionStoreRepository} promises, on any store: run by one subclass per store. Every store call is
 * counted through {@link CountingStore}.
 */
abstract class SessionStoreRepositoryContract {
    static final String PRINCIPAL = FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME;
    static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

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

    @Test
    void save_withNoChange_makesNoStoreCall() {
        SessionToken token = saved("a", "b");
        SessionStoreSession found = repository.findById(token.reveal());
        store.reset();

        repository.save(found);
        found.setAttribute("a", "b"); // the same value again is no change either
        found.setLastAccessedTime(Instant.now());
        repository.save(found);

        assertThat(store.total()).isZero();
    }

    @Test
    void save_sendsEveryChangeAsOneUpdate() {
        SessionToken token = saved("keep", "k", "change", "old", "drop", "d");
        SessionStoreSession found = repository.findById(token.reveal());
        store.reset();

        found.setAttribute("change", "new");
        found.removeAttribute("drop");
        found.setAttribute("added", List.of("x", "y"));
        repository.save(found);

        assertThat(store.count("update")).isEqualTo(1);
        assertThat(store.total()).isEqualTo(1);
        SessionStoreSession again = repository.findById(token.reveal());
        assertThat(again.getAttributeNames()).containsExactlyInAnyOrder("keep", "change", "added");
        assertThat((String) again.getAttribute("change")).isEqualTo("new");
        List<Object> added = again.getAttribute("added");
        assertThat(added).containsExactly("x", "y");
    }

    @Test
    void save_encodesAChangedValueAsItIsAtSaveTime() {
        SessionToken token = saved();
        SessionStoreSession found = repository.findById(token.reveal());
        List<String> cart = new ArrayList<>(List.of("a"));
        found.setAttribute("cart", cart);
        cart.add("b");

        repository.save(found);

        List<Object> saved = repository.findById(token.reveal()).getAttribute("cart");
        assertThat(saved).containsExactly("a", "b");
    }

    @Test
    void changeSessionId_rotatesInTheStore_keepsTheData_andKillsTheOldToken() {
        SessionToken old = saved("cart", "3 items");
        SessionStoreSession found = repository.findById(old.reveal());
        store.reset();

        String newId = found.changeSessionId();

        assertThat(store.count("rotate")).isEqualTo(1);
        assertThat(store.total()).isEqualTo(1);
        assertThat(newId).isEqualTo(found.getId()).isNotEqualTo(old.reveal());
        assertThat(repository.findById(old.reveal())).isNull();
        assertThat((String) repository.findById(newId).getAttribute("cart")).isEqualTo("3 items");
    }

    @Test
    void changeSessionId_ofANewSession_makesNothingInTheStore() {
        SessionStoreSession session = repository.createSession();
        String before = session.getId();

        String after = session.changeSessionId();

        assertThat(after).isNotEqualTo(before).isEqualTo(session.getId());
        assertThat(store.total()).isZero();
    }

    @Test
    void principalNameAttribute_becomesTheStoreUserId() {
        SessionStoreSession session = repository.createSession();
        session.setAttribute(PRINCIPAL, "ann");

        repository.save(session);

        assertThat(store.total()).isEqualTo(1);
        assertThat(backing.peek(SessionToken.parse(session.getId())))
                .hasValueSatisfying(s -> assertThat(s.userId()).contains("ann"));
        assertThat(session.listingKey()).isPresent();
    }

    @Test
    void securityContextAuthentication_becomesTheStoreUserId_andRoundTrips() {
        SessionStoreSession session = repository.createSession();
        session.setAttribute(SECURITY_CONTEXT, Fixtures.securityContext("bob", "ROLE_USER", "ROLE_ADMIN"));

        repository.save(session);

        SessionToken token = SessionToken.parse(session.getId());
        assertThat(backing.peek(token))
                .hasValueSatisfying(s -> assertThat(s.userId()).contains("bob"));
        SecurityContext back = repository.findById(token.reveal()).getAttribute(SECURITY_CONTEXT);
        assertThat(back.getAuthentication()).isInstanceOf(UsernamePasswordAuthenticationToken.class);
        assertThat(back.getAuthentication().getName()).isEqualTo("bob");
        assertThat(back.getAuthentication().getPrincipal()).isInstanceOf(User.class);
        assertThat(back.getAuthentication().getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
        assertThat(back).isEqualTo(session.getAttribute(SECURITY_CONTEXT));
    }

    /** A context saved in a new session of its principal; the counts are reset. */
    SessionToken savedContext(SecurityContext context) {
        SessionStoreSession session = repository.createSession();
        session.setAttribute(SECURITY_CONTEXT, context);
        repository.save(session);
        store.reset();
        return SessionToken.parse(session.getId());
    }

    SecurityContext contextOf(SessionToken token) {
        return repository.findById(token.reveal()).getAttribute(SECURITY_CONTEXT);
    }

    @Test
    void securityContext_readAgainUnchanged_isANewContext_aroundTheSameAuthentication_andTheStoreIsStillAsked() {
        SessionToken token = savedContext(Fixtures.securityContext("ctx-gus", "ROLE_USER"));

        SecurityContext first = contextOf(token);
        SecurityContext second = contextOf(token);

        assertThat(second).isNotSameAs(first).isEqualTo(first);
        assertThat(second.getAuthentication()).isSameAs(first.getAuthentication());
        assertThat(store.count("touch")).isEqualTo(2);
        first.setAuthentication(null); // what logout does to its request's context
        assertThat(contextOf(token).getAuthentication()).isSameAs(second.getAuthentication());
    }

    @Test
    void securityContext_changedByAnotherInstance_isDecodedAgain() {
        SessionToken token = savedContext(Fixtures.securityContext("ctx-hal", "ROLE_USER"));
        SecurityContext before = contextOf(token);
        SessionStoreRepository other = new SessionStoreRepository(store, options(), Clock.systemUTC());
        SessionStoreSession there = other.findById(token.reveal());
        there.setAttribute(SECURITY_CONTEXT, Fixtures.securityContext("ctx-hal", "ROLE_USER", "ROLE_ADMIN"));
        other.save(there);

        SecurityContext after = contextOf(token);

        assertThat(after.getAuthentication()).isNotSameAs(before.getAuthentication());
        assertThat(after.getAuthentication().getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
    }

    @Test
    void securityContext_ofARevokedSession_isNotAnsweredFromWhatWasKept() {
        SessionToken token = savedContext(Fixtures.securityContext("ctx-ida", "ROLE_USER"));
        assertThat(contextOf(token).getAuthentication().getName()).isEqualTo("ctx-ida");

        backing.revoke(token);

        assertThat(repository.findById(token.reveal())).isNull();
    }

    @Test
    void identicalSecurityContexts_ofTwoSessions_doNotShareAnAuthentication() {
        SessionToken one = savedContext(Fixtures.securityContext("ctx-jo", "ROLE_USER"));
        SessionToken two = savedContext(Fixtures.securityContext("ctx-jo", "ROLE_USER"));
        assertThat(backing.peek(one).orElseThrow().attributes().get(SECURITY_CONTEXT))
                .isEqualTo(backing.peek(two).orElseThrow().attributes().get(SECURITY_CONTEXT));

        assertThat(contextOf(one).getAuthentication())
                .isNotSameAs(contextOf(two).getAuthentication())
                .isSameAs(contextOf(one).getAuthentication());
    }

    @Test
    void securityContext_readAfterChangeSessionId_isKeptForTheNewId() {
        SessionToken token = savedContext(Fixtures.securityContext("ctx-lou", "ROLE_USER"));
        SessionStoreSession session = repository.findById(token.reveal());
        String rotated = session.changeSessionId();
        SecurityContext inRotatingRequest = session.getAttribute(SECURITY_CONTEXT);

        SecurityContext next = repository.findById(rotated).getAttribute(SECURITY_CONTEXT);

        assertThat(next.getAuthentication()).isSameAs(inRotatingRequest.getAuthentication());
    }

    @Test
    void securityContextCacheOff_decodesOnEveryRead() {
        repository = new SessionStoreRepository(store, options().withSecurityContextCache(0), Clock.systemUTC());
        SessionToken token = savedContext(Fixtures.securityContext("ctx-kim", "ROLE_USER"));

        assertThat(contextOf(token).getAuthentication())
                .isNotSameAs(contextOf(token).getAuthentication())
                .isEqualTo(contextOf(token).getAuthentication());
    }

    @Test
    void principalChange_ofAStoredSession_createsANewOne_andRevokesTheOld() {
        SessionToken anonymous = saved("cart", "3 items");
        SessionStoreSession found = repository.findById(anonymous.reveal());
        store.reset();

        found.setAttribute(SECURITY_CONTEXT, Fixtures.securityContext("carl", "ROLE_USER"));
        repository.save(found);

        assertThat(store.count("revoke")).isEqualTo(1);
        assertThat(store.count("create")).isEqualTo(1);
        assertThat(store.total()).isEqualTo(2);
        assertThat(found.getId()).isNotEqualTo(anonymous.reveal());
        assertThat(repository.findById(anonymous.reveal())).isNull();
        SessionToken now = SessionToken.parse(found.getId());
        assertThat(backing.peek(now)).hasValueSatisfying(s -> {
            assertThat(s.userId()).contains("carl");
            assertThat(s.attributes()).containsKeys("cart", SECURITY_CONTEXT);
            // a new login: a whole absolute lifetime (the store's default) from now
            assertThat(Duration.between(s.createdAt(), s.absoluteExpiresAt()))
                    .isEqualTo(SessionTimeouts.defaults().defaultAbsolute());
        });
    }

    @Test
    void idleTimeoutChange_ofAStoredSession_createsANewOne_withTheSameAbsoluteDeadline() {
        SessionToken old = saved(PRINCIPAL, "dora");
        SessionStoreSession found = repository.findById(old.reveal());
        Instant deadline = backing.peek(old).orElseThrow().absoluteExpiresAt();

        found.setMaxInactiveInterval(Duration.ofMinutes(5));
        repository.save(found);

        assertThat(repository.findById(old.reveal())).isNull();
        Session now = backing.peek(SessionToken.parse(found.getId())).orElseThrow();
        assertThat(now.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(now.userId()).contains("dora");
        assertThat(now.absoluteExpiresAt()).isCloseTo(deadline, within(2, ChronoUnit.SECONDS));
        assertThat(found.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void maxInactiveInterval_ofANewSession_isTheStoredIdleTimeout_andTheAbsoluteIsTheOptions() {
        repository = new SessionStoreRepository(
                store, options().withAbsoluteTimeout(Duration.ofHours(2)), Clock.systemUTC());
        SessionStoreSession session = repository.createSession();
        session.setMaxInactiveInterval(Duration.ofMinutes(7));

        repository.save(session);

        Session s = backing.peek(SessionToken.parse(session.getId())).orElseThrow();
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofMinutes(7));
        assertThat(Duration.between(s.createdAt(), s.absoluteExpiresAt())).isEqualTo(Duration.ofHours(2));
        assertThat(store.total()).isEqualTo(1);
    }

    @Test
    void findByPrincipalName_keysByListingKeys_thatAreNotTokens() {
        SessionToken first = saved(PRINCIPAL, "erin", "n", 1);
        SessionToken second = saved(PRINCIPAL, "erin", "n", 2);
        saved(PRINCIPAL, "frank");

        Map<String, SessionStoreSession> found = repository.findByPrincipalName("erin");

        assertThat(store.count("listByUser")).isEqualTo(1);
        assertThat(store.count("touch")).isZero();
        assertThat(found).hasSize(2);
        found.forEach((key, session) -> {
            assertThat(session.getId()).isEqualTo(key).startsWith("ssr_");
            assertThat(key).doesNotContain(first.reveal()).doesNotContain(second.reveal());
            assertThat(key).doesNotContain(SessionToken.PREFIX);
            assertThat(session.listingKey()).contains(key);
            assertThat((String) session.getAttribute(PRINCIPAL)).isEqualTo("erin");
        });
        assertThat(found.values())
                .extracting(s -> s.publicId().orElseThrow())
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(repository.findByIndexNameAndIndexValue(PRINCIPAL, "erin")).containsOnlyKeys(found.keySet());
    }

    @Test
    void findById_ofAListingKey_relistsWithoutTouching() {
        SessionToken token = saved(PRINCIPAL, "gina", "n", 1);
        String key = repository.findByPrincipalName("gina").keySet().iterator().next();
        store.reset();

        SessionStoreSession found = repository.findById(key);

        assertThat(found).isNotNull();
        assertThat(found.getId()).isEqualTo(key);
        assertThat(found.publicId()).contains(token.id());
        assertThat((Integer) found.getAttribute("n")).isEqualTo(1);
        assertThat(store.count("touch")).isZero();
        assertThat(store.total()).isEqualTo(1);
    }

    @Test
    void deleteById_ofAListingKey_revokesThatSessionOnly() {
        SessionToken gone = saved(PRINCIPAL, "hal");
        SessionToken kept = saved(PRINCIPAL, "hal");
        String key = repository.findByPrincipalName("hal").values().stream()
                .filter(s -> s.publicId().orElseThrow().equals(gone.id()))
                .findFirst()
                .orElseThrow()
                .getId();

        repository.deleteById(key);

        assertThat(repository.findById(gone.reveal())).isNull();
        assertThat(repository.findById(kept.reveal())).isNotNull();
        assertThat(repository.findById(key)).isNull();
    }

    @Test
    void listedSession_withChanges_cannotBeSaved() {
        saved(PRINCIPAL, "ivy");
        SessionStoreSession listed =
                repository.findByPrincipalName("ivy").values().iterator().next();
        listed.setAttribute("x", "y");

        assertThatThrownBy(() -> repository.save(listed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("listing");
        assertThatThrownBy(listed::changeSessionId).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void setAttribute_ofADisallowedType_namesTheTypeAndHowToAllowIt() {
        SessionStoreSession session = repository.createSession();

        assertThatThrownBy(() -> session.setAttribute("x", new Fixtures.Unlisted("v")))
                .isInstanceOf(DisallowedTypeException.class)
                .hasMessageContaining(Fixtures.Unlisted.class.getName().replace('$', '.'))
                .hasMessageContaining("sessionstore.session.allowed-types");
        assertThat(store.total()).isZero();
    }

    @Test
    void save_ofASessionRevokedMeanwhile_dropsItsChanges() {
        SessionToken token = saved("a", "b");
        SessionStoreSession found = repository.findById(token.reveal());
        backing.revoke(token);

        found.setAttribute("a", "c");
        repository.save(found);

        assertThat(found.isExpired()).isTrue();
        assertThat(backing.peek(token)).isEmpty();
    }

    @Test
    void principalChange_ofASessionRevokedMeanwhile_doesNotBringItBack() {
        SessionToken token = saved("a", "b");
        SessionStoreSession found = repository.findById(token.reveal());
        backing.revoke(token);

        found.setAttribute(PRINCIPAL, "jack");
        repository.save(found);

        assertThat(found.isExpired()).isTrue();
        assertThat(backing.listByUser("jack")).isEmpty();
    }

    @Test
    void concurrentSaves_ofDifferentAttributes_loseNone() throws Exception {
        SessionToken token = saved("start", 0);
        int threads = 6; // 6 x 10 + 1 attributes: under the stores' default limit of 64
        int rounds = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        SessionStoreSession s = repository.findById(token.reveal());
                        s.setAttribute("t" + thread + "r" + r, r);
                        repository.save(s);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Session stored = backing.peek(token).orElseThrow();
        assertThat(stored.attributes()).hasSize(threads * rounds + 1);
        assertThat(store.count("update")).isEqualTo(threads * rounds);
    }

    @Test
    void session_expiresAfterItsIdleTimeout() {
        SessionStoreSession session = repository.createSession();
        session.setMaxInactiveInterval(Duration.ofSeconds(1));
        repository.save(session);
        SessionToken token = SessionToken.parse(session.getId());

        // peek, not findById: a touch would slide the idle expiry
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> backing.peek(token).isEmpty());
        assertThat(repository.findById(token.reveal())).isNull();
    }

    @Test
    void registry_listsTheUsersSessions_byListingKey() {
        SessionToken first = saved(SECURITY_CONTEXT, Fixtures.securityContext("kim", "ROLE_USER"));
        SessionToken second = saved(SECURITY_CONTEXT, Fixtures.securityContext("kim", "ROLE_USER"));
        SpringSessionBackedSessionRegistry<SessionStoreSession> registry =
                new SpringSessionBackedSessionRegistry<>(repository);

        List<SessionInformation> all = registry.getAllSessions(Fixtures.user("kim"), false);

        assertThat(all).hasSize(2);
        assertThat(all).allSatisfy(info -> {
            assertThat(info.getPrincipal()).isEqualTo("kim");
            assertThat(info.getSessionId()).startsWith("ssr_");
            assertThat(info.isExpired()).isFalse();
            SessionInformation again = registry.getSessionInformation(info.getSessionId());
            assertThat(again).isNotNull();
            assertThat(again.getPrincipal()).isEqualTo("kim");
        });
        assertThat(all)
                .extracting(SessionInformation::getSessionId)
                .noneMatch(id -> id.contains(first.reveal()) || id.contains(second.reveal()));
        SessionStoreSession listed = repository.findById(all.get(0).getSessionId());
        assertThat(listed.getAttributeNames()).containsExactly(SECURITY_CONTEXT);
        assertThat((String) listed.getAttribute(PRINCIPAL)).isEqualTo("kim"); // the store's user id
    }

    @Test
    void listings_ofNamesNoSessionCanHave_areEmpty() {
        saved(PRINCIPAL, "nia");

        assertThat(repository.findByPrincipalName("")).isEmpty();
        assertThat(repository.findByPrincipalName("x".repeat(10_000))).isEmpty();
        assertThat(repository.findByPrincipalName("bad\u0000name")).isEmpty();
        assertThat(repository.findByIndexNameAndIndexValue("no spaces allowed", "nia"))
                .isEmpty();
        assertThat(repository.findByIndexNameAndIndexValue("unused", "nia")).isEmpty();
        assertThat(repository.findById("ssr_not-a-key")).isNull();
        assertThat(repository.findById("sst_not-a-token")).isNull();
    }

    @Test
    void setMaxInactiveInterval_underOneSecond_isRefused() {
        SessionStoreSession session = repository.createSession();

        assertThatThrownBy(() -> session.setMaxInactiveInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInactiveInterval");
        assertThatThrownBy(() -> session.setMaxInactiveInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registryExpireNow_revokesTheSession_soItsNextRequestFindsNone() {
        SessionToken expired = saved(SECURITY_CONTEXT, Fixtures.securityContext("lee", "ROLE_USER"));
        SessionToken kept = saved(SECURITY_CONTEXT, Fixtures.securityContext("lee", "ROLE_USER"));
        SpringSessionBackedSessionRegistry<SessionStoreSession> registry =
                new SpringSessionBackedSessionRegistry<>(repository);
        SessionInformation info = registry.getAllSessions(Fixtures.user("lee"), false).stream()
                .filter(i -> repository
                        .findById(i.getSessionId())
                        .publicId()
                        .orElseThrow()
                        .equals(expired.id()))
                .findFirst()
                .orElseThrow();
        store.reset();

        info.expireNow();

        assertThat(store.count("revokeById")).isEqualTo(1);
        assertThat(info.isExpired()).isTrue();
        assertThat(repository.findById(expired.reveal())).isNull(); // the next request of that session: none
        assertThat(registry.getSessionInformation(info.getSessionId())).isNull();
        assertThat(registry.getAllSessions(Fixtures.user("lee"), true))
                .extracting(SessionInformation::getSessionId)
                .hasSize(1)
                .allSatisfy(id -> assertThat(repository.findById(id).publicId()).contains(kept.id()));
        assertThat(repository.findById(kept.reveal())).isNotNull();
    }

    @Test
    void registryExpireNow_ofTheRequestsOwnSession_revokesItByToken() {
        SessionToken token = saved(SECURITY_CONTEXT, Fixtures.securityContext("max", "ROLE_USER"));
        SpringSessionBackedSessionRegistry<SessionStoreSession> registry =
                new SpringSessionBackedSessionRegistry<>(repository);

        SessionInformation info = registry.getSessionInformation(token.reveal());
        assertThat(info.getPrincipal()).isEqualTo("max");
        info.expireNow();

        assertThat(backing.peek(token)).isEmpty();
        assertThat(registry.getAllSessions(Fixtures.user("max"), true)).isEmpty();
    }
}
