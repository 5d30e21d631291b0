package dev.sessionstore.json;

import dev.sessionstore.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * Turns the Java values an application keeps in a session into {@link JsonValue}s and back, through Jackson 3,
 * never Java serialization. Immutable and thread-safe.
 *
 * <p><b>Format.</b> {@code null}, {@link String}, {@link Boolean}, {@link Integer} and finite {@link Double} values
 * are plain JSON ({@code "text"}, {@code true}, {@code 42}, {@code 2.5}), readable as they are from any language; a
 * plain JSON integer decodes to {@code Integer} (or {@code Long}/{@code BigInteger} when it does not fit) and a plain
 * fraction to {@code Double}. Every other value carries its Java type, as Jackson's class-name typing writes it:
 * an object gets a first member {@code "@class"} ({@code {"@class":"com.example.Cart","items":[...]}}); a value that
 * is not a JSON object is wrapped in a two-element array ({@code ["java.lang.Long",7]}, {@code
 * ["java.util.ArrayList",["a","b"]]}). In a type id, Spring Security's package prefix {@code
 * org.springframework.security.} is written as {@code ~} ({@link ClassTypeIds}); the full name is read too. Inside a
 * value, properties declared as {@code Object} are typed the same way; properties of a declared concrete type are
 * plain.
 *
 * <p><b>Allow-list.</b> Every class named by a type id is checked against the allow-list <em>by name, before it is
 * loaded</em>, on {@link #decode} and on {@link #encode} (which reads its own output back, so a value that could not
 * be decoded is refused when it is written, not on the next request). Allowed by default: {@code String, Boolean,
 * Integer, Long, Double, BigDecimal, BigInteger, UUID, Instant} and the JDK's general-purpose {@code List}, {@code
 * Set} and {@code Map<String, ?>} implementations holding allowed values. More with {@link Builder#allow} (exact
 * classes) and {@link Builder#allowPackage} (every class of one package, not its sub-packages). Types reached
 * through a declared concrete property type of an allowed class are trusted with it.
 *
 * @see Builder
 */
public final class AttributeCodec {
    private final AllowList allowList;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    private AttributeCodec(AllowList allowList, JsonMapper mapper) {
        this.allowList = allowList;
        this.writer = mapper.writerFor(Object.class);
        this.reader = mapper.readerFor(Object.class);
    }

    /** A builder whose allow-list holds the default types only. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The JSON form of {@code value}.
     *
     * @param value the attribute value; {@code null} gives {@link JsonValue#NULL}
     * @throws DisallowedTypeException if the value, or a value it holds, is of a type not on the allow-list, or a
     *     map in it has a key that is not a {@code String}
     * @throws AttributeCodecException if Jackson cannot write the value or read it back
     */
    public JsonValue encode(@Nullable Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String s) {
            return JsonValue.of(s);
        }
        if (value instanceof Boolean b) {
            return JsonValue.of(b);
        }
        if (value instanceof Integer i) {
            return JsonValue.of(i.longValue());
        }
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("attribute value must be a finite number: " + d);
            }
            return JsonValue.of(d);
        }
        checkShallow(value);
        String json;
        try {
            json = writer.writeValueAsString(value);
        } catch (JacksonException e) {
            throw rethrow("cannot encode a value of type " + value.getClass().getName(), e);
        }
        decodeText(json); // the value must read back: every type id in it passes the allow-list
        return JsonValue.parse(json);
    }

    /**
     * The Java value of a JSON value written by {@link #encode} (or plain JSON from another writer).
     *
     * @throws DisallowedTypeException if the JSON names a type that is not on the allow-list (nothing is loaded or
     *     instantiated)
     * @throws AttributeCodecException if the JSON is not in the codec's format or does not fit the named type
     */
    public @Nullable Object decode(JsonValue json) {
        Objects.requireNonNull(json, "json");
        String text = json.json();
        if (text.startsWith("{") || text.startsWith("[")) {
            // Jackson reads and checks the text itself: a value read back from a store is not parsed twice
            return decodeText(text);
        }
        switch (json.kind()) {
            case NULL -> {
                return null;
            }
            case STRING -> {
                return json.asString().orElseThrow();
            }
            case BOOLEAN -> {
                return json.asBoolean().orElseThrow();
            }
            default -> {
                return decodeText(json.json());
            }
        }
    }

    private @Nullable Object decodeText(String json) {
        try {
            return reader.readValue(json);
        } catch (JacksonException e) {
            throw rethrow("stored attribute value cannot be decoded", e);
        }
    }

    /** Checks the value's own class, and the keys and elements of collections and maps, without Jackson. */
    private void checkShallow(Object value) {
        String name = value.getClass().getName();
        if (!allowList.allowsName(name) && !allowList.hasExtra()) {
            throw new DisallowedTypeException(name);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object key = e.getKey();
                if (!(key instanceof String)) {
                    throw new IllegalArgumentException("attribute maps must have String keys, not "
                            + (key == null ? "null" : key.getClass().getName()));
                }
                checkNested(e.getValue());
            }
        } else if (value instanceof Collection<?> c) {
            c.forEach(AttributeCodec.this::checkNested);
        }
    }

    private void checkNested(@Nullable Object value) {
        if (value != null) {
            checkShallow(value);
        }
    }

    private static RuntimeException rethrow(String message, JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DisallowedTypeException d) {
                return new DisallowedTypeException(d.typeName());
            }
        }
        return new AttributeCodecException(message + ": " + e.getOriginalMessage(), e);
    }

    /**
     * Collects the allow-list and the Jackson modules of an {@link AttributeCodec}. Not thread-safe; {@link #build}
     * may be called more than once.
     */
    public static final class Builder {
        private final Set<String> types = new LinkedHashSet<>();
        private final Set<String> packages = new LinkedHashSet<>();
        private final List<JacksonModule> modules = new ArrayList<>();
        private UnaryOperator<JsonMapper.Builder> customizer = UnaryOperator.identity();

        private Builder() {}

        /**
         * Allows values of exactly these classes (not their subclasses): records and classes Jackson can map, with
         * their properties.
         *
         * @throws IllegalArgumentException for a null class, an array, a primitive or an interface
         */
        public Builder allow(Class<?>... allowed) {
            Objects.requireNonNull(allowed, "types");
            for (Class<?> type : allowed) {
                if (type == null || type.isArray() || type.isPrimitive() || type.isInterface()) {
                    throw new IllegalArgumentException(
                            "allow(...) takes concrete classes, not " + (type == null ? "null" : type.getName()));
                }
                types.add(type.getName());
            }
            return this;
        }

        /**
         * Allows every class of this package (not of its sub-packages).
         *
         * @throws IllegalArgumentException if the name is not a Java package name, or names a JDK package
         *     ({@code java.*}, {@code javax.*}, {@code jdk.*}, {@code sun.*}), which hold gadget classes
         */
        public Builder allowPackage(String packageName) {
            if (packageName == null
                    || !packageName.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
                throw new IllegalArgumentException("allowPackage needs a Java package name: " + packageName);
            }
            if (packageName.matches("(java|javax|jdk|sun|com\\.sun)(\\..*)?")) {
                throw new IllegalArgumentException(
                        "allowPackage refuses JDK packages; allow exact classes instead: " + packageName);
            }
            packages.add(packageName);
            return this;
        }

        /** Registers a Jackson module (mix-ins, serializers), for example one of Spring Security's. */
        public Builder module(JacksonModule module) {
            modules.add(Objects.requireNonNull(module, "module"));
            return this;
        }

        /**
         * Customizes the {@link JsonMapper.Builder} after the modules are added. A {@link PolymorphicTypeValidator}
         * set here extends the allow-list: a type it allows is allowed too. The codec sets its own default typing
         * and validator afterwards; do not change them otherwise.
         */
        public Builder mapper(UnaryOperator<JsonMapper.Builder> customizer) {
            this.customizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /** @throws IllegalStateException if the customizer returns null */
        public AttributeCodec build() {
            PolymorphicTypeValidator standard =
                    JsonMapper.builder().baseSettings().getPolymorphicTypeValidator();
            JsonMapper.Builder b = JsonMapper.builder();
            modules.forEach(b::addModule);
            JsonMapper.Builder customized = customizer.apply(b);
            if (customized == null) {
                throw new IllegalStateException("the mapper customizer returned null");
            }
            PolymorphicTypeValidator set = customized.baseSettings().getPolymorphicTypeValidator();
            AllowList allowList = new AllowList(types, packages, set == standard ? null : set);
            customized
                    .polymorphicTypeValidator(allowList)
                    .setDefaultTyping(new ClassTypeIds.Defaults(allowList, "@class"));
            return new AttributeCodec(allowList, customized.build());
        }
    }
}
