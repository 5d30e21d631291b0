package dev.sessionstore.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The database side of a store: the connection pool (when the store owns one), the Flyway migrations of
 * {@code db/migration/sessionstore} and the Hibernate entity manager factory.
 */
final class Database implements AutoCloseable {
    /** Flyway's history table; its own name, so an application's Flyway history is left alone. */
    static final String HISTORY_TABLE = "sessionstore_schema_history";

    static final String MIGRATIONS = "classpath:db/migration/sessionstore";

    private final Optional<HikariDataSource> ownedPool;
    private final EntityManagerFactory emf;

    private Database(Optional<HikariDataSource> ownedPool, EntityManagerFactory emf) {
        this.ownedPool = ownedPool;
        this.emf = emf;
    }

    /** Opens the database: migrates it if asked, then starts Hibernate. Closes the owned pool on failure. */
    static Database open(DataSource dataSource, Optional<HikariDataSource> ownedPool, boolean migrate) {
        try {
            if (migrate) {
                migrate(dataSource);
            }
            return new Database(ownedPool, entityManagerFactory(dataSource));
        } catch (RuntimeException e) {
            ownedPool.ifPresent(HikariDataSource::close);
            throw Transactions.translate(e);
        }
    }

    /** A pool of its own for a JDBC URL; fails fast with the connect timeout if the server is not there. */
    static HikariDataSource pool(String url, String user, String password, Duration connectTimeout, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("sessionstore-jdbc");
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(connectTimeout.toMillis());
        config.setValidationTimeout(Math.min(connectTimeout.toMillis(), 5_000));
        config.setInitializationFailTimeout(connectTimeout.toMillis());
        long seconds = Math.max(1, connectTimeout.toSeconds());
        config.addDataSourceProperty("connectTimeout", seconds);
        config.addDataSourceProperty("loginTimeout", seconds);
        config.addDataSourceProperty("reWriteBatchedInserts", true);
        config.addDataSourceProperty("ApplicationName", "sessionstore");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw Transactions.translate(e);
        }
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(false)
                .load()
                .migrate();
    }

    private static EntityManagerFactory entityManagerFactory(DataSource dataSource) {
        return new HibernatePersistenceConfiguration("sessionstore")
                .managedClass(SessionEntity.class)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .property(AvailableSettings.HBM2DDL_AUTO, "none")
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, 64)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.ORDER_UPDATES, true)
                .property(AvailableSettings.USE_SECOND_LEVEL_CACHE, false)
                .property(AvailableSettings.SHOW_SQL, Boolean.getBoolean("sessionstore.jdbc.showSql"))
                .createEntityManagerFactory();
    }

    EntityManagerFactory emf() {
        return emf;
    }

    @Override
    public void close() {
        if (emf.isOpen()) {
            emf.close();
        }
        ownedPool.ifPresent(HikariDataSource::close);
    }
}
