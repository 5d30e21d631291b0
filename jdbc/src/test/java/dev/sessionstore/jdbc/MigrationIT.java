package dev.sessionstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.NewSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Flyway creates the schema on an empty database, and running it again changes nothing. */
class MigrationIT {
    @RegisterExtension
    static final TestDatabaseExtension database = new TestDatabaseExtension();

    @BeforeEach
    void emptyDatabase() {
        database.dropAll();
    }

    @Test
    void build_onAnEmptyDatabase_appliesTheMigrations() {
        try (JdbcSessionStore store =
                JdbcSessionStore.builder().dataSource(database.dataSource()).build()) {
            store.create(NewSession.forUser("alice"));
        }

        assertThat(appliedMigrations()).isEqualTo(1);
        assertThat(database.count("""
                        select count(*) from pg_indexes where indexname in
                        ('ss_session_expires_at', 'ss_session_user', 'ss_index_value_lookup')""")).isEqualTo(3);
        assertThat(database.count("select count(*) from ss_session")).isEqualTo(1);
    }

    @Test
    void migrate_again_isANoOp_andKeepsTheData() {
        try (JdbcSessionStore store =
                JdbcSessionStore.builder().dataSource(database.dataSource()).build()) {
            store.create(NewSession.forUser("alice"));
        }

        try (JdbcSessionStore again =
                JdbcSessionStore.builder().dataSource(database.dataSource()).build()) {
            assertThat(again.listByUser("alice")).hasSize(1);
        }
        Database.migrate(database.dataSource());

        assertThat(appliedMigrations()).isEqualTo(1);
        assertThat(database.count("select count(*) from ss_session")).isEqualTo(1);
    }

    @Test
    void build_withMigrateOff_leavesTheDatabaseAlone() {
        JdbcSessionStore.builder()
                .dataSource(database.dataSource())
                .migrate(false)
                .build()
                .close();

        assertThat(database.count("select count(*) from pg_tables where schemaname = 'public'"))
                .isZero();
    }

    private static long appliedMigrations() {
        return database.count(
                "select count(*) from " + Database.HISTORY_TABLE + " where success and version is not null");
    }
}
