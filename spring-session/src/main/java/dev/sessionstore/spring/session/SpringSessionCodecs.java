package dev.sessionstore.spring.session;

import dev.sessionstore.json.AttributeCodec;
import java.util.Objects;

/**
 * Attribute codecs for Spring applications. When Spring Security is on the class path, they register Spring
 * Security's Jackson 3 modules ({@code SecurityJacksonModules}: core, web, and those of OAuth2, LDAP, SAML, CAS when
 * present) and allow the types those modules map ({@code SecurityContextImpl}, the authentication tokens, {@code
 * User}, the granted authorities, ...), so Spring Security's context round-trips as JSON. Spring Security's own
 * classes are matched by Spring's validator, every other class name by the codec's allow-list, before any class is
 * loaded.
 */
public final class SpringSessionCodecs {
    private static final String SECURITY_MODULES = "org.springframework.security.jackson.SecurityJacksonModules";

    private SpringSessionCodecs() {}

    /**
     * A codec builder with the codec's default types, plus Spring Security's when present; add the application's
     * types with {@code allow} or {@code allowPackage}. The builder's {@code mapper(...)} customizer is used for Spring
     * Security's type validator: a caller that sets its own replaces it.
     *
     * @param loader the loader to look for Spring Security's modules in (the application's)
     */
    public static AttributeCodec.Builder builder(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        AttributeCodec.Builder builder = AttributeCodec.builder();
        if (Classes.present(SECURITY_MODULES, loader) && Classes.present(SECURITY_MODULES, SpringSessionCodecs.class)) {
            SecurityCodecs.addTo(builder, loader);
        }
        return builder;
    }

    /** {@code builder(loader).build()}. */
    public static AttributeCodec defaultCodec(ClassLoader loader) {
        return builder(loader).build();
    }
}
