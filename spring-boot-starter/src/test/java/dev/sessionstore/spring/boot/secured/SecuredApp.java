package dev.sessionstore.spring.boot.secured;

import dev.sessionstore.redis.RedisSessionStore;
import dev.sessionstore.testkit.CountingStore;
import java.security.Principal;
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
 * every store call goes through the testkit's {@link CountingStore}.
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
                User.withUsername("alice")
                        .password("{noop}alice-pw")
                        .roles("USER")
                        .build(),
                User.withUsername("bob").password("{noop}bob-pw").roles("USER").build());
    }

    @RestController
    static class Me {
        @GetMapping("/me")
        String me(Principal principal) {
            return principal.getName();
        }
    }
}
