import org.jspecify.annotations.NullMarked;

/**
 * The relational session store: Hibernate ORM on PostgreSQL, HikariCP, Flyway. The store's package is open
 * to Hibernate, which reads and writes the entity's private fields; the Flyway migrations (resources under
 * {@code db/migration/sessionstore}, a package with no classes) are open so that Flyway can list them.
 */
// "opens": javac sees no classes in the migrations' package;
// "requires-automatic": Hibernate and Flyway have no module descriptor
@SuppressWarnings({"opens", "requires-automatic"})
@NullMarked
module dev.sessionstore.jdbc {
    requires transitive dev.sessionstore.core;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires jakarta.persistence;
    requires org.hibernate.orm.core;

    exports dev.sessionstore.jdbc;

    opens dev.sessionstore.jdbc to
            org.hibernate.orm.core;
    opens db.migration.sessionstore;
}
