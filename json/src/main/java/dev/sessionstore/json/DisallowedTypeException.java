package dev.sessionstore.json;

/**
 * A value of a type that is not on the codec's allow-list: thrown by {@link AttributeCodec#encode} (nothing is
 * written) and by {@link AttributeCodec#decode} for stored JSON naming such a type (nothing is instantiated). The
 * message names the type and how to allow it.
 */
public final class DisallowedTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String typeName;

    /** @param typeName the binary name of the type that is not allowed */
    public DisallowedTypeException(String typeName) {
        super("attribute values of type " + typeName + " are not allowed: allow the type with AttributeCodec.builder()"
                + ".allow(" + typeName.replace('$', '.') + ".class) (or its package with allowPackage(\""
                + packageOf(typeName) + "\")); with the Spring Boot starter, add it to the property"
                + " sessionstore.session.allowed-types");
        this.typeName = typeName;
    }

    /** The binary name of the type that is not allowed, as {@link Class#getName()} gives it. */
    public String typeName() {
        return typeName;
    }

    private static String packageOf(String typeName) {
        int dot = typeName.lastIndexOf('.');
        return dot < 0 ? "" : typeName.substring(0, dot);
    }
}
