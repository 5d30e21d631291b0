import org.jspecify.annotations.NullMarked;

/** A {@code redis-server} child process, from the PATH or from the binaries bundled by embedded-redis. */
// embedded-redis has no module descriptor: its name comes from its file name
@SuppressWarnings("requires-automatic")
@NullMarked
module dev.sessionstore.embedded {
    requires static org.jspecify;
    // only for its resources: the redis-server binaries at the root of its jar
    requires embedded.redis;

    exports dev.sessionstore.embedded;
}
