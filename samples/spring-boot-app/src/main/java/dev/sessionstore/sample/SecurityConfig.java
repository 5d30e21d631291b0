package dev.sessionstore.sample;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;

/**
 * Form login for three demo users, at most {@value #MAX_SESSIONS} sessions each (a further login signs the oldest
 * out), concurrency control through the starter's {@link SessionRegistry} (no store call of its own per request).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {
    static final int MAX_SESSIONS = 3;
    /** Marks a session with a random id of the browser that signed in, so "Your sessions" can say which is this one. */
    static final String DEVICE_ID = "sample.device-id";
    /** What signed in, as the browser says (bounded), for "Your sessions". */
    static final String DEVICE = "sample.device";

    private static final int MAX_DEVICE_LENGTH = 120;

    @Bean
    SecurityFilterChain security(HttpSecurity http, SessionRegistry registry) throws Exception {
        SimpleUrlAuthenticationSuccessHandler toHome = new SimpleUrlAuthenticationSuccessHandler("/");
        return http.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.successHandler((request, response, authentication) -> {
                    markDevice(request);
                    toHome.onAuthenticationSuccess(request, response, authentication);
                }))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.sessionConcurrency(
                        concurrency -> concurrency.maximumSessions(MAX_SESSIONS).sessionRegistry(registry)))
                .build();
    }

    private static void markDevice(HttpServletRequest request) {
        HttpSession session = request.getSession();
        session.setAttribute(DEVICE_ID, UUID.randomUUID().toString());
        String agent = request.getHeader("User-Agent");
        session.setAttribute(DEVICE, Pages.shorten(agent == null ? "unknown" : agent, MAX_DEVICE_LENGTH));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** alice, bob and carol; each password is {@code <name>-demo-pass} (a demo: hashed here, never stored). */
    @Bean
    UserDetailsService users(PasswordEncoder encoder) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (String name : new String[] {"alice", "bob", "carol"}) {
            users.createUser(User.withUsername(name)
                    .password(encoder.encode(name + "-demo-pass"))
                    .roles("USER")
                    .build());
        }
        return users;
    }
}
