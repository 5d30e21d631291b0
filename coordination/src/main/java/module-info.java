import org.jspecify.annotations.NullMarked;

/**
 * Coordination backends: in memory, on Redis (Lettuce) and fenced writes to SQL. The algorithms shared by
 * the backends ({@code dev.sessionstore.coordination.internal}) are not exported.
 */
// Lettuce has no module descriptor, only an Automatic-Module-Name
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
@NullMarked
module dev.sessionstore.coordination {
    requires transitive dev.sessionstore.core;
    requires transitive java.sql;
    requires transitive lettuce.core;
    requires dev.sessionstore.redis.support;
    requires org.slf4j;

    exports dev.sessionstore.coordination.jdbc;
    exports dev.sessionstore.coordination.memory;
    exports dev.sessionstore.coordination.redis;
}
