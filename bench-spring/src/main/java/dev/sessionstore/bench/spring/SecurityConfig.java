package dev.sessionstore.bench.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Form login for the users {@code bench} and {@code bench-1} to {@code bench-<bench.users>}, all with the password
 * {@code bench-pass} (one BCrypt hash); every other path needs a login. One user per session keeps every layer under
 * the same load: sessionstore caps live sessions per user (50), and the indexed repository keeps one index per user.
 * BCrypt cost 4 keeps the logins of the set-up short; they are not measured. CSRF is off so that curl logs in with one
 * POST.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {
    static final String PASSWORD = "bench-pass";
    static final String GREETING = "greeting";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(4);
    }

    @Bean
    InMemoryUserDetailsManager users(PasswordEncoder encoder, @Value("${bench.users:1000}") int count) {
        if (count < 0 || count > 100_000) {
            throw new IllegalArgumentException("bench.users must be 0 to 100000, got " + count);
        }
        String hash = encoder.encode(PASSWORD);
        List<UserDetails> users = new ArrayList<>(count + 1);
        users.add(User.withUsername("bench").password(hash).roles("USER").build());
        for (int i = 1; i <= count; i++) {
            users.add(
                    User.withUsername("bench-" + i).password(hash).roles("USER").build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .formLogin(form -> form.permitAll().successHandler((request, response, authentication) -> {
                    // one application attribute besides Spring Security's context, read by every page request
                    request.getSession().setAttribute(GREETING, "Hello " + authentication.getName());
                    response.setStatus(204);
                }))
                // an unauthenticated request creates no session (no saved request): Redis holds only logins
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
