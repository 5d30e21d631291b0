package dev.sessionstore.spring.session;

import java.util.Optional;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * The principal name of a session, as Spring Session's {@code PrincipalNameIndexResolver} finds it: the attribute
 * {@link FindByIndexNameSessionRepository#PRINCIPAL_NAME_INDEX_NAME} if it holds a non-empty string, else the name of
 * the authentication in Spring Security's context (attribute {@value #SECURITY_CONTEXT}), when Spring Security is
 * present. It becomes the store session's user id.
 */
final class Principals {
    /** The attribute Spring Security's {@code HttpSessionSecurityContextRepository} keeps its context in. */
    static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

    static final String PRINCIPAL = FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME;

    private static final boolean SECURITY_PRESENT =
            Classes.present("org.springframework.security.core.context.SecurityContext", Principals.class);

    private Principals() {}

    /** Whether a change of these attributes may change the principal. */
    static boolean mayChange(Attributes attributes) {
        return attributes.changedAny(PRINCIPAL, SECURITY_CONTEXT);
    }

    static Optional<String> of(Attributes attributes) {
        if (attributes.get(PRINCIPAL) instanceof String name && !name.isEmpty()) {
            return Optional.of(name);
        }
        Object context = attributes.get(SECURITY_CONTEXT);
        if (context != null && SECURITY_PRESENT) {
            return SecurityContexts.principalName(context).filter(name -> !name.isEmpty());
        }
        return Optional.empty();
    }
}
