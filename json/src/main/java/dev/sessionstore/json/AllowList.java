package dev.sessionstore.json;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * The codec's {@link PolymorphicTypeValidator}: Jackson asks it about every class name it reads from a type id
 * ({@code "@class"} property or wrapper array) before it loads the class. A name that is neither on the allow-list
 * nor allowed by the optional extra validator (one set through {@link AttributeCodec.Builder#mapper}) is refused by
 * throwing {@link DisallowedTypeException}, so the class is never loaded nor instantiated. Immutable.
 */
final class AllowList extends PolymorphicTypeValidator.Base {
    private static final long serialVersionUID = 1L;

    /** Allowed by every codec: scalars, and the JDK's general-purpose collections (their values are checked too). */
    static final Set<String> DEFAULT_TYPES = Set.of(
            "java.lang.String",
            "java.lang.Boolean",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Double",
            "java.math.BigDecimal",
            "java.math.BigInteger",
            "java.util.UUID",
            "java.time.Instant",
            "java.util.ArrayList",
            "java.util.LinkedList",
            "java.util.Arrays$ArrayList",
            "java.util.HashSet",
            "java.util.LinkedHashSet",
            "java.util.TreeSet",
            "java.util.HashMap",
            "java.util.LinkedHashMap",
            "java.util.TreeMap",
            "java.util.Collections$EmptyList",
            "java.util.Collections$EmptySet",
            "java.util.Collections$EmptyMap",
            "java.util.Collections$SingletonList",
            "java.util.Collections$SingletonSet",
            "java.util.Collections$SingletonMap",
            "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableSet",
            "java.util.Collections$UnmodifiableSortedSet",
            "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableSortedMap",
            "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$Set12",
            "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Map1",
            "java.util.ImmutableCollections$MapN");

    private final Set<String> types;
    private final Set<String> packages;
    private final @Nullable PolymorphicTypeValidator extra;

    AllowList(Set<String> types, Set<String> packages, @Nullable PolymorphicTypeValidator extra) {
        this.types = Set.copyOf(types);
        this.packages = Set.copyOf(packages);
        this.extra = extra;
    }

    /** Whether the allow-list itself (not the extra validator) allows the class of this binary name. */
    boolean allowsName(String className) {
        if (DEFAULT_TYPES.contains(className) || types.contains(className)) {
            return true;
        }
        int dot = className.lastIndexOf('.');
        return dot > 0 && packages.contains(className.substring(0, dot));
    }

    boolean hasExtra() {
        return extra != null;
    }

    @Override
    public Validity validateSubClassName(DatabindContext ctxt, JavaType baseType, String subClassName) {
        if (allowsName(subClassName)) {
            return Validity.ALLOWED;
        }
        PolymorphicTypeValidator more = extra;
        if (more != null) {
            Validity v = more.validateSubClassName(ctxt, baseType, subClassName);
            if (v != Validity.DENIED) {
                return v; // INDETERMINATE: Jackson loads the class and asks validateSubType
            }
        }
        throw new DisallowedTypeException(subClassName);
    }

    @Override
    public Validity validateSubType(DatabindContext ctxt, JavaType baseType, JavaType subType) {
        String name = subType.getRawClass().getName();
        if (allowsName(name)) {
            return Validity.ALLOWED;
        }
        PolymorphicTypeValidator more = extra;
        if (more != null && more.validateSubType(ctxt, baseType, subType) == Validity.ALLOWED) {
            return Validity.ALLOWED;
        }
        throw new DisallowedTypeException(name);
    }
}
