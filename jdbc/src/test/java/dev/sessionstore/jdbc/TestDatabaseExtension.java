package dev.sessionstore.jdbc;

import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestDatabase} per test class, started before the class's {@code @BeforeAll} methods and
 * closed after its {@code @AfterAll} methods; the accessors delegate to the running database.
 */
final class TestDatabaseExtension implements BeforeAllCallback, AfterAllCallback {
    private TestDatabase database;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabase.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Optional<TestDatabase> running = Optional.ofNullable(database);
        database = null;
        if (running.isPresent()) {
            running.get().close();
        }
    }

    TestDatabase database() {
        if (database == null) {
            throw new IllegalStateException("TestDatabaseExtension: no database outside the test class lifecycle");
        }
        return database;
    }

    DataSource dataSource() {
        return database().dataSource();
    }

    void truncate() {
        database().truncate();
    }

    void dropAll() {
        database().dropAll();
    }

    long count(String sql) {
        return database().count(sql);
    }

    void execute(String sql) {
        database().execute(sql);
    }
}
