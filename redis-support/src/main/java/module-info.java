import org.jspecify.annotations.NullMarked;

/**
 * What the Redis store and Redis coordination share: Lettuce clients on one {@code ClientResources}, typed Lua
 * script calls and one classification of Redis errors. Not an API for users: exported for the modules that build
 * on it (the store, coordination and the server), not exported again by them.
 */
// Lettuce has no module descriptor, only an Automatic-Module-Name
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
@NullMarked
module dev.sessionstore.redis.support {
    requires transitive lettuce.core;
    requires transitive org.jspecify;
    requires reactor.core;

    exports dev.sessionstore.redis.support;
}
