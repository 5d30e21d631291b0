import org.jspecify.annotations.NullMarked;

/** A Spring Session repository ({@code FindByIndexNameSessionRepository}) whose sessions live in any {@code SessionStore}. */
// spring.session.core and spring.security.core are automatic modules (no module descriptor)
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
@NullMarked
module dev.sessionstore.spring.session {
    requires transitive dev.sessionstore.core;
    requires transitive dev.sessionstore.json;
    requires transitive spring.session.core;
    // optional: only when the application has Spring Security (its Jackson modules, its SecurityContext)
    requires static spring.security.core;
    // only for SessionStoreRepositoryFilter, in a web application
    requires static jakarta.servlet;

    exports dev.sessionstore.spring.session;
}
