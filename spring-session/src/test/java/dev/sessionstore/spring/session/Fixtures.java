package dev.sessionstore.spring.session;

import java.util.Arrays;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;

/** Values the tests keep in sessions. */
final class Fixtures {
    private Fixtures() {}

    /** A logged-in user's context, as Spring Security's form login leaves it (credentials erased). */
    static SecurityContext securityContext(String name, String... roles) {
        User user = user(name, roles);
        return new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    static User user(String name, String... roles) {
        return new User(name, "", AuthorityUtils.createAuthorityList(Arrays.asList(roles)));
    }

    /** A type no codec allows. */
    record Unlisted(String value) {}
}
