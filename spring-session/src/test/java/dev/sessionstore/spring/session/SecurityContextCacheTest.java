package dev.sessionstore.spring.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.JsonValue;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionToken;
import dev.sessionstore.json.AttributeCodec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContext;

class SecurityContextCacheTest {
    private final AttributeCodec codec =
            SpringSessionCodecs.defaultCodec(getClass().getClassLoader());
    private final JsonValue context = JsonValue.ofStored(
            codec.encode(Fixtures.securityContext("lee", "ROLE_USER")).json());

    @Test
    void keepsAtMostItsSize_droppingAnEntryForANewSession() {
        SecurityContextCache cache = new SecurityContextCache(codec, 2);

        for (int i = 0; i < 5; i++) {
            SessionId session = SessionToken.generateAnonymous().id();
            assertThat(cache.decode(session, "SPRING_SECURITY_CONTEXT", context))
                    .isInstanceOf(SecurityContext.class);
            assertThat(cache.size()).isLessThanOrEqualTo(2);
        }
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void keepsOnlySecurityContexts_underTheNameTheyWereReadBy() {
        SecurityContextCache cache = new SecurityContextCache(codec, 10);
        SessionId session = SessionToken.generateAnonymous().id();

        cache.decode(
                session,
                "cart",
                JsonValue.ofStored(codec.encode(Map.of("items", 3)).json()));
        cache.decode(session, "greeting", JsonValue.ofStored("\"hi\""));
        assertThat(cache.size()).isZero();

        SecurityContext kept = (SecurityContext) cache.decode(session, "SPRING_SECURITY_CONTEXT", context);
        SecurityContext again = (SecurityContext) cache.decode(session, "SPRING_SECURITY_CONTEXT", context);
        SecurityContext otherName = (SecurityContext) cache.decode(session, "OTHER_CONTEXT", context);

        assertThat(again.getAuthentication()).isSameAs(kept.getAuthentication());
        assertThat(otherName.getAuthentication()).isNotSameAs(kept.getAuthentication());
        cache.forget(session);
        assertThat(cache.size()).isZero();
    }
}
