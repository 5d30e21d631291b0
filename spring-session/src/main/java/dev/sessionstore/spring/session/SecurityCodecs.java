package dev.sessionstore.spring.session;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sessionstore.json.AttributeCodec;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.jackson.SecurityJacksonModule;
import org.springframework.security.jackson.SecurityJacksonModules;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
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
                .setSerializerModifier(new NoSessionIds()));
        PolymorphicTypeValidator validator = new SecurityTypes(types.build());
        builder.mapper(mapper -> mapper.polymorphicTypeValidator(validator));
    }

    /**
     * Leaves out the {@code sessionId} of Spring Security's {@code WebAuthenticationDetails} (and subclasses): it is
     * the id of the session the login came from, which with Spring Session is a session token, and tokens are never
     * stored. It is read back as null; nothing in Spring Security depends on it after login.
     */
    private static final class NoSessionIds extends ValueSerializerModifier {
        private static final long serialVersionUID = 1L;
        private static final String WEB_DETAILS =
                "org.springframework.security.web.authentication.WebAuthenticationDetails";

        @Override
        public List<BeanPropertyWriter> changeProperties(
                SerializationConfig config, BeanDescription.Supplier bean, List<BeanPropertyWriter> properties) {
            if (!isWebDetails(bean.getBeanClass())) {
                return properties;
            }
            return properties.stream()
                    .filter(property -> !property.getName().equals("sessionId"))
                    .toList();
        }

        private static boolean isWebDetails(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (c.getName().equals(WEB_DETAILS)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Values declared as these interfaces ({@code SecurityContextImpl.authentication}, the authorities of a token or a
     * {@code User}) carry their class: Spring's own mappers get that from the default typing the codec leaves out.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY, property = "@class")
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
