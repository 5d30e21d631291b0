import org.jspecify.annotations.NullMarked;

/**
 * The session API ({@code dev.sessionstore}) and the coordination API ({@code dev.sessionstore.coordination}):
 * interfaces, value types and exceptions that every backend implements.
 */
@NullMarked
module dev.sessionstore.core {
    requires transitive org.jspecify;

    exports dev.sessionstore;
    exports dev.sessionstore.coordination;
}
