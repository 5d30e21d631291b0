/** The in-memory session store. */
module dev.sessionstore.memory {
    requires transitive dev.sessionstore.core;

    exports dev.sessionstore.memory;
}
