package dev.sessionstore.json;

import java.util.Collection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;
import tools.jackson.databind.jsontype.TypeIdResolver;
import tools.jackson.databind.jsontype.impl.DefaultTypeResolverBuilder;
import tools.jackson.databind.jsontype.impl.StdTypeResolverBuilder;

/**
 * The codec's class-name type ids. A type id is the class's name, except that the package prefix {@value
 * #SPRING_SECURITY} is written as {@value #MARK}: {@code "~core.context.SecurityContextImpl"} stands for {@code
 * "org.springframework.security.core.context.SecurityContextImpl"}. Spring Security's context names six or seven of
 * its classes, so the abbreviation takes about a fifth off every stored context (no Java class name starts with
 * {@code ~}, so the two never clash). Both forms are read; the name is expanded before the allow-list sees it, so
 * what may be loaded is unchanged.
 *
 * <p>The codec's default typing uses these ids; a mix-in that gives an interface's values their class ({@code
 * @JsonTypeInfo(use = Id.CLASS)}) gets them with {@code @JsonTypeResolver(ClassTypeIds.Builder.class)}.
 */
public final class ClassTypeIds {
    /** The package prefix written as {@link #MARK}. */
    public static final String SPRING_SECURITY = "org.springframework.security.";

    /** What {@link #SPRING_SECURITY} is written as at the start of a type id. */
    public static final String MARK = "~";

    private ClassTypeIds() {}

    /** The type id written for the class named {@code className}. */
    static String shorten(String className) {
        return className.startsWith(SPRING_SECURITY) ? MARK + className.substring(SPRING_SECURITY.length()) : className;
    }

    /** The class name a type id stands for. */
    static String expand(String id) {
        return id.startsWith(MARK) ? SPRING_SECURITY + id.substring(MARK.length()) : id;
    }

    /** Jackson's class-name resolver with the ids shortened when written and expanded when read. */
    static TypeIdResolver wrap(TypeIdResolver resolver) {
        return resolver.getMechanism() == com.fasterxml.jackson.annotation.JsonTypeInfo.Id.CLASS
                ? new Shortened(resolver)
                : resolver;
    }

    /** The type resolver of a mix-in's {@code @JsonTypeResolver}: Jackson's, with these ids. */
    public static final class Builder extends StdTypeResolverBuilder {
        /** Made by Jackson for {@code @JsonTypeResolver(ClassTypeIds.Builder.class)}. */
        public Builder() {}

        private Builder(Builder base, Class<?> defaultImpl) {
            super(base, defaultImpl);
        }

        @Override
        public StdTypeResolverBuilder withDefaultImpl(Class<?> defaultImpl) {
            return new Builder(this, defaultImpl);
        }

        @Override
        protected TypeIdResolver idResolver(
                DatabindContext ctxt,
                JavaType baseType,
                PolymorphicTypeValidator subtypeValidator,
                Collection<NamedType> subtypes,
                boolean forSer,
                boolean forDeser) {
            return wrap(super.idResolver(ctxt, baseType, subtypeValidator, subtypes, forSer, forDeser));
        }
    }

    /** The codec's default typing ({@code @class} on values declared as {@code Object}), with these ids. */
    static final class Defaults extends DefaultTypeResolverBuilder {
        private static final long serialVersionUID = 1L;

        Defaults(PolymorphicTypeValidator validator, String property) {
            super(validator, DefaultTyping.JAVA_LANG_OBJECT, property);
        }

        private Defaults(Defaults base, Class<?> defaultImpl) {
            super(base, defaultImpl);
        }

        @Override
        public DefaultTypeResolverBuilder withDefaultImpl(Class<?> defaultImpl) {
            return new Defaults(this, defaultImpl);
        }

        @Override
        protected TypeIdResolver idResolver(
                DatabindContext ctxt,
                JavaType baseType,
                PolymorphicTypeValidator subtypeValidator,
                Collection<NamedType> subtypes,
                boolean forSer,
                boolean forDeser) {
            return wrap(super.idResolver(ctxt, baseType, subtypeValidator, subtypes, forSer, forDeser));
        }
    }

    private record Shortened(TypeIdResolver resolver) implements TypeIdResolver {
        @Override
        public void init(JavaType baseType) {
            resolver.init(baseType);
        }

        @Override
        public String idFromValue(DatabindContext ctxt, Object value) {
            return shorten(resolver.idFromValue(ctxt, value));
        }

        @Override
        public String idFromValueAndType(DatabindContext ctxt, Object value, Class<?> suggestedType) {
            return shorten(resolver.idFromValueAndType(ctxt, value, suggestedType));
        }

        @Override
        public String idFromBaseType(DatabindContext ctxt) {
            return shorten(resolver.idFromBaseType(ctxt));
        }

        @Override
        public JavaType typeFromId(DatabindContext ctxt, String id) throws JacksonException {
            return resolver.typeFromId(ctxt, expand(id));
        }

        @Override
        public String getDescForKnownTypeIds() {
            return resolver.getDescForKnownTypeIds();
        }

        @Override
        public com.fasterxml.jackson.annotation.JsonTypeInfo.Id getMechanism() {
            return resolver.getMechanism();
        }
    }
}
