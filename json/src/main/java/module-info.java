import org.jspecify.annotations.NullMarked;

/** {@code AttributeCodec}: attribute values to JSON and back through Jackson 3, with an allow-list of types. */
@NullMarked
module dev.sessionstore.json {
    requires transitive dev.sessionstore.core;
    requires transitive tools.jackson.databind;

    exports dev.sessionstore.json;
}
