package dev.sessionstore.spring.session;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;

/** Reads Spring Security's context; loaded only when Spring Security is present. */
final class SecurityContexts {
    private SecurityContexts() {}

    /** The authentication's name, if the value is a security context holding one. */
    static Optional<String> principalName(Object value) {
        if (value instanceof SecurityContext context) {
            Authentication authentication = context.getAuthentication();
            return authentication == null ? Optional.empty() : Optional.ofNullable(authentication.getName());
        }
        return Optional.empty();
    }
}
