package dev.sessionstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.JsonValue;
import dev.sessionstore.NewSession;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.SessionUpdate;
import dev.sessionstore.testkit.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the store writes into PostgreSQL: the rows, their exact text, and the deltas of an update. */
class JdbcStorageIT {
    @RegisterExtension
    static final TestDatabaseExtension database = new TestDatabaseExtension();

    private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
    private JdbcSessionStore store;

    @BeforeEach
    void openStore() {
        database.truncate();
        store = JdbcSessionStore.builder()
                .dataSource(database.dataSource())
                .policy(SessionPolicy.defaults())
                .clock(clock)
                .build();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void create_storesTheIdDerivedFromTheTokenHash_neverTheToken() {
        CreatedSession created = store.create(NewSession.builder()
                .userId("alice")
                .attribute("a", JsonValue.of("x"))
                .index("tenant", "acme")
                .build());

        assertThat(database.count("select count(*) from ss_session where session_id = '"
                        + created.token().id().value() + "'"))
                .isEqualTo(1);
        String token = created.token().reveal();
        String secret = token.substring(6);
        assertThat(database.count("""
                        select count(*) from (
                          select t::text as row from ss_session t
                          union all select t::text from ss_attribute t
                          union all select t::text from ss_index_value t) r
                        where position('%s' in r.row) > 0""".formatted(secret)))
                .as("no row holds the token's secret")
                .isZero();
    }

    @Test
    void attributes_areKeptAsTheirExactCompactJsonText_oneRowEach() {
        JsonValue number = JsonValue.parse("1.50E+3");
        JsonValue object = JsonValue.parse("{ \"z\" : 1, \"a\" : [true, null] }");
        store.create(NewSession.builder()
                .attribute("n", number)
                .attribute("o", object)
                .index("device", "phone")
                .build());

        assertThat(attributeRows())
                .containsOnly(Map.entry("n", "1.50E+3"), Map.entry("o", "{\"z\":1,\"a\":[true,null]}"));
        assertThat(database.count("select count(*) from ss_index_value where name = 'device' and value = 'phone'"))
                .isEqualTo(1);
    }

    @Test
    void update_rewritesOnlyTheRowsOfChangedAttributes() {
        CreatedSession created = store.create(NewSession.builder()
                .attribute("same", JsonValue.of(1))
                .attribute("changed", JsonValue.of(2))
                .attribute("removed", JsonValue.of(3))
                .build());
        Map<String, Long> before = attributeRowVersions();

        store.update(
                created.token(),
                SessionUpdate.builder()
                        .set("changed", JsonValue.of(20))
                        .remove("removed")
                        .set("added", JsonValue.of(4))
                        .build());

        Map<String, Long> after = attributeRowVersions();
        assertThat(after).containsOnlyKeys("same", "changed", "added");
        assertThat(after.get("same")).as("untouched row keeps its xmin").isEqualTo(before.get("same"));
        assertThat(after.get("changed")).isNotEqualTo(before.get("changed"));
        assertThat(attributeRows()).containsEntry("changed", "20").containsEntry("same", "1");
    }

    @Test
    void expiry_isExactToTheMillisecond_byTheInjectedClock() {
        CreatedSession created = store.create(
                NewSession.builder().idleTimeout(Duration.ofSeconds(10)).build());

        clock.advance(Duration.ofMillis(9_999));
        assertThat(store.peek(created.token())).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(store.peek(created.token())).isEmpty();
        assertThat(store.touch(created.token())).isEmpty();
        assertThat(database.count("select count(*) from ss_session"))
                .as("the row stays until the sweep")
                .isEqualTo(1);
    }

    @Test
    void touch_storesTheSlidExpiry() {
        CreatedSession created = store.create(
                NewSession.builder().idleTimeout(Duration.ofMinutes(1)).build());
        clock.advance(Duration.ofSeconds(30));

        assertThat(store.touch(created.token())).isPresent();

        assertThat(database.count("select extract(epoch from expires_at)::bigint from ss_session"))
                .isEqualTo(clock.instant().plusSeconds(60).getEpochSecond());
    }

    private Map<String, String> attributeRows() {
        Map<String, String> rows = new HashMap<>();
        query("select name, json from ss_attribute", rs -> rows.put(rs.getString(1), rs.getString(2)));
        return rows;
    }

    private Map<String, Long> attributeRowVersions() {
        Map<String, Long> rows = new HashMap<>();
        query("select name, xmin::text::bigint from ss_attribute", rs -> rows.put(rs.getString(1), rs.getLong(2)));
        return rows;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(String sql, RowReader reader) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
