import org.jspecify.annotations.NullMarked;

/** A Jakarta Servlet filter whose {@code HttpSession} lives in any {@code SessionStore}. */
@NullMarked
module dev.sessionstore.servlet {
    requires transitive dev.sessionstore.core;
    requires transitive dev.sessionstore.json;
    requires transitive jakarta.servlet;

    exports dev.sessionstore.servlet;
}
