package dev.sessionstore.spring.boot.secured;

import dev.sessionstore.ForwardingSessionStore;
import dev.sessionstore.SessionStore;
import dev.sessionstore.redis.RedisSessionStore;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Security app with one session per user, its store its own (so the starter's store backs off) and counted:
 * every store call goes through {@link CountingStore}.
 */
@SpringBootApplication
public class SecuredApp {
    @Bean
    CountingStore sessionStore(Environment env) {
        return new CountingStore(RedisSessionStore.builder()
                .redisUri(env.getRequiredProperty("test.redis-url"))
                .build());
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, SessionRegistry registry) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.successHandler((request, response, authentication) -> response.setStatus(200)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionConcurrency(
                        concurrency -> concurrency.maximumSessions(1).sessionRegistry(registry)));
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password("{noop}alice-pw").roles("USER").build(),
                User.withUsername("bob").password("{noop}bob-pw").roles("USER").build());
    }

    @RestController
    static class Me {
        @GetMapping("/me")
        String me(Principal principal) {
            return principal.getName();
        }
    }

    /** Counts every store call. */
    public static final class CountingStore extends ForwardingSessionStore {
        private final AtomicInteger calls = new AtomicInteger();

        CountingStore(SessionStore delegate) {
            super(delegate);
        }

        public int calls() {
            return calls.get();
        }

        @Override
        public dev.sessionstore.CreatedSession create(dev.sessionstore.NewSession spec) {
            calls.incrementAndGet();
            return super.create(spec);
        }

        @Override
        public java.util.Optional<dev.sessionstore.Session> touch(dev.sessionstore.SessionToken token) {
            calls.incrementAndGet();
            return super.touch(token);
        }

        @Override
        public java.util.Optional<dev.sessionstore.Session> peek(dev.sessionstore.SessionToken token) {
            calls.incrementAndGet();
            return super.peek(token);
        }

        @Override
        public dev.sessionstore.Session update(dev.sessionstore.SessionToken token, dev.sessionstore.SessionUpdate u) {
            calls.incrementAndGet();
            return super.update(token, u);
        }

        @Override
        public dev.sessionstore.CreatedSession rotate(dev.sessionstore.SessionToken token) {
            calls.incrementAndGet();
            return super.rotate(token);
        }

        @Override
        public java.util.Optional<dev.sessionstore.Session> revoke(dev.sessionstore.SessionToken token) {
            calls.incrementAndGet();
            return super.revoke(token);
        }

        @Override
        public java.util.Optional<dev.sessionstore.Session> revoke(dev.sessionstore.SessionId id) {
            calls.incrementAndGet();
            return super.revoke(id);
        }

        @Override
        public java.util.List<dev.sessionstore.Session> listByUser(String userId) {
            calls.incrementAndGet();
            return super.listByUser(userId);
        }

        @Override
        public java.util.List<dev.sessionstore.SessionId> revokeByUser(
                String userId, java.util.Optional<dev.sessionstore.SessionId> keep) {
            calls.incrementAndGet();
            return super.revokeByUser(userId, keep);
        }

        @Override
        public java.util.List<dev.sessionstore.Session> listByIndex(String name, String value) {
            calls.incrementAndGet();
            return super.listByIndex(name, value);
        }
    }
}
