import org.jspecify.annotations.NullMarked;

/** The in-memory session store. */
@NullMarked
module dev.sessionstore.memory {
    requires transitive dev.sessionstore.core;

    exports dev.sessionstore.memory;
}
