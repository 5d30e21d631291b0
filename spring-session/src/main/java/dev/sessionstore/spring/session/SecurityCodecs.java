package dev.sessionstore.spring.session;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sessionstore.json.AttributeCodec;
import dev.sessionstore.json.ClassTypeIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.jackson.SecurityJacksonModule;
import org.springframework.security.jackson.SecurityJacksonModules;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonTypeResolver;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

/** Spring Security's Jackson 3 support for the codec; loaded only when Spring Security is present. */
final class SecurityCodecs {
    private SecurityCodecs() {}

    /**
     * Adds Spring Security's modules and, through the mapper customizer, their type validator. The extra module
     * {@code SecurityJacksonModules} adds to switch on its own default typing is left out: the codec's typing and
     * allow-list stay in charge.
     */
    static void addTo(AttributeCodec.Builder builder, ClassLoader loader) {
        BasicPolymorphicTypeValidator.Builder types = BasicPolymorphicTypeValidator.builder();
        for (JacksonModule module : SecurityJacksonModules.getModules(loader, types)) {
            if (module instanceof SecurityJacksonModule) {
                builder.module(module);
            }
        }
        builder.module(new SimpleModule("sessionstore-security-types")
                .setMixInAnnotation(Authentication.class, TypedMixin.class)
                .setMixInAnnotation(GrantedAuthority.class, TypedMixin.class)
                .setSerializerModifier(new NoCredentials()));
        PolymorphicTypeValidator validator = new SecurityTypes(types.build());
        builder.mapper(mapper -> mapper.polymorphicTypeValidator(validator));
    }

    /**
     * Keeps credentials out of what Spring Security puts in the session. With Spring Session the session id is a
     * token, and tokens are never stored:
     *
     * <ul>
     *   <li>{@code WebAuthenticationDetails.sessionId} (the session the login came from) is left out; it reads back as
     *       null, and nothing in Spring Security needs it after login;
     *   <li>the saved request ({@code DefaultSavedRequest}, kept while a visitor signs in) is written without its
     *       cookies and without its {@code Cookie}, {@code Authorization} and {@code Proxy-Authorization} headers; its
     *       URL, method, parameters and other headers stay, so the redirect after login works as before.
     * </ul>
     */
    private static final class NoCredentials extends ValueSerializerModifier {
        private static final long serialVersionUID = 1L;
        private static final String WEB_DETAILS =
                "org.springframework.security.web.authentication.WebAuthenticationDetails";
        private static final String SAVED_REQUEST = "org.springframework.security.web.savedrequest.DefaultSavedRequest";
        private static final Set<String> SECRET_HEADERS = Set.of("cookie", "authorization", "proxy-authorization");

        @Override
        public List<BeanPropertyWriter> changeProperties(
                SerializationConfig config, BeanDescription.Supplier bean, List<BeanPropertyWriter> properties) {
            if (is(bean.getBeanClass(), WEB_DETAILS)) {
                return properties.stream()
                        .filter(property -> !property.getName().equals("sessionId"))
                        .toList();
            }
            if (is(bean.getBeanClass(), SAVED_REQUEST)) {
                return properties.stream()
                        .map(property -> switch (property.getName()) {
                            case "cookies" -> new Scrubbed(property, cookies -> new ArrayList<>());
                            case "headers" -> new Scrubbed(property, NoCredentials::withoutSecretHeaders);
                            default -> property;
                        })
                        .toList();
            }
            return properties;
        }

        private static @Nullable Object withoutSecretHeaders(@Nullable Object headers) {
            if (!(headers instanceof Map<?, ?> map)) {
                return headers;
            }
            Map<String, Object> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            map.forEach((name, values) -> {
                if (!SECRET_HEADERS.contains(name.toString().toLowerCase(Locale.ROOT))) {
                    kept.put(name.toString(), values);
                }
            });
            return kept;
        }

        private static boolean is(Class<?> type, String className) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (c.getName().equals(className)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A property written with its value passed through {@code scrub} first. */
    private static final class Scrubbed extends BeanPropertyWriter {
        private static final long serialVersionUID = 1L;
        private final transient UnaryOperator<@Nullable Object> scrub;

        Scrubbed(BeanPropertyWriter base, UnaryOperator<@Nullable Object> scrub) {
            super(base);
            this.scrub = scrub;
        }

        @Override
        public void serializeAsProperty(Object bean, JsonGenerator g, SerializationContext ctxt) throws Exception {
            Object value = scrub.apply(get(bean));
            g.writeName(_name);
            if (value == null) {
                g.writeNull();
                return;
            }
            ValueSerializer<Object> serializer =
                    _serializer != null ? _serializer : ctxt.findPrimaryPropertySerializer(getType(), this);
            if (_typeSerializer == null) {
                serializer.serialize(value, g, ctxt);
            } else {
                serializer.serializeWithType(value, g, ctxt, _typeSerializer);
            }
        }
    }

    /**
     * Values declared as these interfaces ({@code SecurityContextImpl.authentication}, the authorities of a token or a
     * {@code User}) carry their class: Spring's own mappers get that from the default typing the codec leaves out. The
     * ids are the codec's ({@link ClassTypeIds}: {@code ~} for {@code org.springframework.security.}).
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY, property = "@class")
    @JsonTypeResolver(ClassTypeIds.Builder.class)
    interface TypedMixin {}

    /**
     * Spring's validator, held to names: a class name it does not allow by name is refused before it is loaded,
     * unless it is one of Spring Security's own classes, which Spring's validator then checks by type.
     */
    private static final class SecurityTypes extends PolymorphicTypeValidator.Base {
        private static final long serialVersionUID = 1L;
        private static final String SECURITY_PACKAGE = "org.springframework.security.";

        private final PolymorphicTypeValidator spring;

        SecurityTypes(PolymorphicTypeValidator spring) {
            this.spring = spring;
        }

        @Override
        public Validity validateSubClassName(DatabindContext ctxt, JavaType baseType, String subClassName) {
            Validity v = spring.validateSubClassName(ctxt, baseType, subClassName);
            if (v == Validity.ALLOWED) {
                return v;
            }
            return subClassName.startsWith(SECURITY_PACKAGE) ? Validity.INDETERMINATE : Validity.DENIED;
        }

        @Override
        public Validity validateSubType(DatabindContext ctxt, JavaType baseType, JavaType subType) {
            return spring.validateSubType(ctxt, baseType, subType);
        }
    }
}
