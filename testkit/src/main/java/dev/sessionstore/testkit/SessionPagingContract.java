package dev.sessionstore.testkit;

import static dev.sessionstore.testkit.ContractSupport.SHORT;
import static dev.sessionstore.testkit.ContractSupport.uniqueUser;
import static dev.sessionstore.testkit.ContractSupport.withLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.NewSession;
import dev.sessionstore.PageRequest;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionLimits;
import dev.sessionstore.SessionPage;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Paged listings ({@link SessionStore#listByUser(String, PageRequest)}, {@link SessionStore#listByIndex(String,
 * String, PageRequest)}): reading every page returns each session that stays live exactly once (none is touched
 * here), while other sessions are created and revoked between pages; pages respect the limit, the last has no
 * cursor, expired and revoked sessions never appear, and bad limits and cursors are refused.
 */
public interface SessionPagingContract extends StoreFixture {

    @Test
    default void pagedListings_returnEveryStayingSessionOnce_whileOthersComeAndGo() {
        // room for the user's sessions that the walks create between pages
        SessionStore store = openStore(withLimits(SessionLimits.defaults().withMaxSessionsPerUser(1_000)));
        String tenant = uniqueUser();
        String user = uniqueUser();
        CreatedSession expiring = store.create(NewSession.builder()
                .userId(user)
                .index("tenant", tenant)
                .idleTimeout(SHORT)
                .build());
        CreatedSession revokedBefore = store.create(
                NewSession.builder().userId(user).index("tenant", tenant).build());
        List<CreatedSession> staying = new ArrayList<>();
        List<CreatedSession> leaving = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            NewSession.Builder b = NewSession.builder().index("tenant", tenant);
            if (i % 3 == 0) {
                b.userId(user);
            }
            (i % 5 == 4 ? leaving : staying).add(store.create(b.build()));
        }
        store.revoke(revokedBefore.token());
        passTime(SHORT.plusMillis(100));

        Walk byIndex = walk(store, page -> store.listByIndex("tenant", tenant, page), 4, leaving, tenant, user);
        Walk byUser = walk(store, page -> store.listByUser(user, page), 3, leaving, tenant, user);

        assertEachOnce(byIndex, staying, s -> true);
        assertEachOnce(byUser, staying, s -> s.session().userId().isPresent());
        for (Walk w : List.of(byIndex, byUser)) {
            assertThat(w.ids)
                    .doesNotContain(
                            expiring.session().id(), revokedBefore.session().id());
            assertThat(w.revokedSeen)
                    .as("sessions listed after they were revoked")
                    .isEmpty();
        }
        assertThat(byUser.sessions).allSatisfy(s -> assertThat(s.userId()).contains(user));
        assertThat(byIndex.sessions).allSatisfy(s -> assertThat(s.indexes()).containsEntry("tenant", tenant));
    }

    @Test
    default void pagedListings_ofNothing_areOneLastPage_andALimitOfOneWorks() {
        SessionStore store = openStore(SessionPolicy.defaults());
        Walk none = walk(store, page -> store.listByIndex("tenant", uniqueUser(), page), 5, List.of(), "", "");
        assertThat(none.ids).isEmpty();
        String user = uniqueUser();
        List<CreatedSession> two =
                List.of(store.create(NewSession.forUser(user)), store.create(NewSession.forUser(user)));

        Walk ones = walk(store, page -> store.listByUser(user, page), 1, List.of(), "", user);

        assertEachOnce(ones, two, s -> true);
        assertThat(store.listByUser(uniqueUser(), PageRequest.first(PageRequest.MAX_LIMIT)))
                .isEqualTo(new SessionPage(List.of(), Optional.empty()));
    }

    @Test
    default void badLimitsAndCursors_areRefused() {
        SessionStore store = openStore(SessionPolicy.defaults());
        String user = uniqueUser();
        CreatedSession a = store.create(
                NewSession.builder().userId(user).index("team", "a").build());
        store.create(NewSession.builder().userId(user).index("team", "a").build());
        String byUser =
                store.listByUser(user, PageRequest.first(1)).nextCursor().orElseThrow();
        String byTeam = store.listByIndex("team", "a", PageRequest.first(1))
                .nextCursor()
                .orElseThrow();

        assertThat(store.listByUser(user, PageRequest.after(byUser, 1)).sessions())
                .hasSize(1);
        assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageRequest.first(PageRequest.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        for (String bad : List.of("", "not a cursor", "A".repeat(PageRequest.MAX_CURSOR_LENGTH + 1))) {
            assertThatThrownBy(() -> PageRequest.after(bad, 10)).isInstanceOf(IllegalArgumentException.class);
        }
        List<String> foreign = List.of(
                byTeam, // another listing
                byUser.substring(0, byUser.length() - 3), // cut short
                byUser.substring(0, 12),
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                forged(byUser));
        for (String cursor : foreign) {
            assertThatThrownBy(() -> store.listByUser(user, PageRequest.after(cursor, 10)))
                    .as(cursor)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.listByIndex("team", "b", PageRequest.after(byTeam, 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.listByUser(uniqueUser(), PageRequest.after(byUser, 10)))
                .isInstanceOf(IllegalArgumentException.class);
        for (String cursor : List.of(byUser, byTeam)) {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain(a.token().reveal().substring(6));
            assertThat(cursor.length()).isLessThanOrEqualTo(PageRequest.MAX_CURSOR_LENGTH);
        }
    }

    /** The cursor with its version byte changed: well-formed text, but not one the store gave out. */
    private static String forged(String cursor) {
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[0] ^= 0x7f;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Reads every page with this limit; before each page after the first, revokes one of {@code leaving} and creates
     * a session in the tenant and one of the user, which may or may not be listed.
     */
    private static Walk walk(
            SessionStore store,
            Function<PageRequest, SessionPage> pages,
            int limit,
            List<CreatedSession> leaving,
            String tenant,
            String user) {
        Walk w = new Walk();
        Optional<String> cursor = Optional.empty();
        int n = 0;
        do {
            if (n > 0 && n <= leaving.size()) {
                CreatedSession gone = leaving.get(n - 1);
                store.revoke(gone.token());
                w.revoked.add(gone.session().id());
            }
            if (n > 0 && !tenant.isEmpty()) {
                store.create(NewSession.builder().index("tenant", tenant).build());
                store.create(NewSession.builder().userId(user).build());
            }
            SessionPage page = pages.apply(new PageRequest(limit, cursor));
            assertThat(page.sessions()).hasSizeLessThanOrEqualTo(limit);
            for (Session s : page.sessions()) {
                if (w.revoked.contains(s.id())) {
                    w.revokedSeen.add(s.id());
                }
                w.ids.add(s.id());
                w.sessions.add(s);
            }
            cursor = page.nextCursor();
            assertThat(++n).as("pages").isLessThan(2_000);
        } while (cursor.isPresent());
        return w;
    }

    private static void assertEachOnce(Walk w, List<CreatedSession> staying, Predicate<CreatedSession> which) {
        List<SessionId> expected =
                staying.stream().filter(which).map(c -> c.session().id()).toList();
        assertThat(w.ids).as("no session twice").doesNotHaveDuplicates();
        assertThat(w.ids).containsAll(expected);
    }

    /** What a walk through the pages saw. */
    final class Walk {
        final List<SessionId> ids = new ArrayList<>();
        final List<Session> sessions = new ArrayList<>();
        final Set<SessionId> revoked = new HashSet<>();
        final Set<SessionId> revokedSeen = new HashSet<>();
    }
}
