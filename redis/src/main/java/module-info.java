import org.jspecify.annotations.NullMarked;

/** The Redis session store, on Lettuce (whose {@code ClientResources} the builder accepts). */
// Lettuce has no module descriptor, only an Automatic-Module-Name
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
@NullMarked
module dev.sessionstore.redis {
    requires transitive dev.sessionstore.core;
    requires transitive lettuce.core;
    requires dev.sessionstore.redis.support;

    exports dev.sessionstore.redis;
}
