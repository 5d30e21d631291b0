package dev.sessionstore.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.sessionstore.SessionPolicy;
import dev.sessionstore.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link JdbcSessionStore}: either a {@link DataSource} the caller owns, or a JDBC URL for
 * which the store opens and owns a HikariCP pool. Not thread-safe; {@link #build()} validates every
 * setting and may be called once per store.
 */
public final class JdbcSessionStoreBuilder {
    private @Nullable DataSource dataSource;
    private @Nullable String jdbcUrl;
    private String username = "";
    private String password = "";
    private SessionPolicy policy = SessionPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private boolean migrate = true;
    private @Nullable Duration sweepInterval;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private int maxPoolSize = 10;

    JdbcSessionStoreBuilder() {}

    /** The data source to use; the store never closes it. Excludes {@link #jdbcUrl}. */
    public JdbcSessionStoreBuilder dataSource(DataSource value) {
        this.dataSource = Objects.requireNonNull(value, "dataSource");
        return this;
    }

    /** A PostgreSQL JDBC URL; the store opens a HikariCP pool of its own and closes it on close. */
    public JdbcSessionStoreBuilder jdbcUrl(String value) {
        this.jdbcUrl = Objects.requireNonNull(value, "jdbcUrl");
        return this;
    }

    public JdbcSessionStoreBuilder username(String value) {
        this.username = Objects.requireNonNull(value, "username");
        return this;
    }

    public JdbcSessionStoreBuilder password(String value) {
        this.password = Objects.requireNonNull(value, "password");
        return this;
    }

    public JdbcSessionStoreBuilder policy(SessionPolicy value) {
        this.policy = Objects.requireNonNull(value, "policy");
        return this;
    }

    /** The clock every expiry is computed from; tests pass a fake one. */
    public JdbcSessionStoreBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** Whether {@link #build()} applies the Flyway migrations first (default true). */
    public JdbcSessionStoreBuilder migrate(boolean value) {
        this.migrate = value;
        return this;
    }

    /** Runs {@link JdbcSessionStore#purgeExpired()} on a daemon thread at this interval (default: never). */
    public JdbcSessionStoreBuilder sweepInterval(Duration value) {
        Objects.requireNonNull(value, "sweepInterval");
        if (value.compareTo(Duration.ofMillis(10)) < 0) {
            throw new IllegalArgumentException("sweepInterval must be at least 10ms: " + value);
        }
        this.sweepInterval = value;
        return this;
    }

    /** How long the owned pool waits for a connection before the store reports it unavailable (default 2s). */
    public JdbcSessionStoreBuilder connectTimeout(Duration value) {
        Objects.requireNonNull(value, "connectTimeout");
        if (value.compareTo(Duration.ofMillis(250)) < 0 || value.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("connectTimeout must be between 250ms and 5m: " + value);
        }
        this.connectTimeout = value;
        return this;
    }

    /** Connections in the owned pool (default 10). */
    public JdbcSessionStoreBuilder maxPoolSize(int value) {
        if (value < 1 || value > 1_000) {
            throw new IllegalArgumentException("maxPoolSize must be in [1, 1000]: " + value);
        }
        this.maxPoolSize = value;
        return this;
    }

    /**
     * Opens the store: the pool (for a URL), the migrations (unless turned off) and Hibernate.
     *
     * @throws IllegalArgumentException if neither or both of a data source and a URL were given, or the
     *     policy's limits allow values too long to index
     * @throws StoreUnavailableException if the database cannot be reached
     */
    public JdbcSessionStore build() {
        DataSource given = dataSource;
        String url = jdbcUrl;
        if ((given == null) == (url == null)) {
            throw new IllegalArgumentException("give exactly one of dataSource and jdbcUrl");
        }
        JdbcSessionStore.checkIndexable(policy.limits());
        Optional<HikariDataSource> owned = url == null
                ? Optional.empty()
                : Optional.of(Database.pool(url, username, password, connectTimeout, maxPoolSize));
        DataSource source = given != null ? given : owned.orElseThrow();
        Database database = Database.open(source, owned, migrate);
        return new JdbcSessionStore(database, new JdbcStoreSettings(policy, clock, Optional.ofNullable(sweepInterval)));
    }
}
