package dev.sessionstore.spring.boot;

import dev.sessionstore.SessionStore;
import dev.sessionstore.json.AttributeCodec;
import dev.sessionstore.spring.session.SessionStoreRepository;
import dev.sessionstore.spring.session.SessionStoreRepositoryFilter;
import dev.sessionstore.spring.session.SessionStoreRepositoryOptions;
import dev.sessionstore.spring.session.SessionStoreSession;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Spring Session on the {@link SessionStore}: the {@link SessionStoreRepository}, the {@link SessionRepositoryFilter}
 * and, with Spring Security, the {@link SessionStoreSessionRegistry}. All of it backs off when the app defines any
 * {@link SessionRepository} (for example with {@code @EnableRedisHttpSession}); each bean backs off when the app
 * defines its own. Runs before Boot's {@code SessionAutoConfiguration}, which then registers the filter and supplies
 * the cookie serializer from {@code server.servlet.session.cookie.*}.
 */
@AutoConfiguration(
        after = SessionStoreAutoConfiguration.class,
        beforeName = SessionStoreAutoConfiguration.BOOT_SESSION_AUTO_CONFIGURATION)
@ConditionalOnClass({SessionRepository.class, SessionStoreRepository.class})
@ConditionalOnMissingBean(SessionRepository.class)
public class SessionStoreSessionAutoConfiguration {

    /**
     * Idle timeout {@code spring.session.timeout} if set, else {@code server.servlet.session.timeout}, else the
     * store's; absolute {@code sessionstore.session.absolute-timeout}. */
    @Bean
    @ConditionalOnMissingBean
    SessionStoreRepository sessionRepository(
            SessionStore store, AttributeCodec codec, SessionStoreProperties properties, Environment env) {
        SessionStoreRepositoryOptions options = SessionStoreRepositoryOptions.defaults()
                .withCodec(codec)
                .withSecurityContextCache(properties.session().securityContextCache());
        // as Boot's own Spring Session stores: spring.session.timeout, else the servlet container's session timeout
        Binder binder = Binder.get(env);
        Duration idle = binder.bind("spring.session.timeout", Duration.class)
                .orElseGet(() -> binder.bind("server.servlet.session.timeout", Duration.class)
                        .orElse(null));
        if (idle != null) {
            options = options.withDefaultIdleTimeout(idle);
        }
        Duration absolute = properties.session().absoluteTimeout();
        if (absolute != null) {
            options = options.withAbsoluteTimeout(absolute);
        }
        return new SessionStoreRepository(store, options);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(SessionRepositoryFilter.class)
    static class Web {
        /**
         * The filter ({@link SessionStoreRepositoryFilter}: a request that reads its session costs one store call);
         * the app's {@link HttpSessionIdResolver} or {@link CookieSerializer} if it has one (Boot's
         * session auto-configuration supplies one), else a cookie HttpOnly, SameSite=Lax, Secure when the request is.
         */
        @Bean
        @ConditionalOnMissingBean(SessionRepositoryFilter.class)
        SessionRepositoryFilter<SessionStoreSession> springSessionRepositoryFilter(
                SessionStoreRepository repository,
                ObjectProvider<HttpSessionIdResolver> resolver,
                ObjectProvider<CookieSerializer> serializer) {
            SessionRepositoryFilter<SessionStoreSession> filter = new SessionStoreRepositoryFilter(repository);
            filter.setHttpSessionIdResolver(resolver.getIfUnique(() -> {
                CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();
                cookies.setCookieSerializer(serializer.getIfUnique(SessionStoreSessionAutoConfiguration::cookies));
                return cookies;
            }));
            return filter;
        }
    }

    static DefaultCookieSerializer cookies() {
        DefaultCookieSerializer cookies = new DefaultCookieSerializer();
        cookies.setUseHttpOnlyCookie(true);
        cookies.setSameSite("Lax");
        return cookies; // Secure when the request is secure: DefaultCookieSerializer's default
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({SessionRegistry.class, RequestContextHolder.class})
    static class Security {
        /** Concurrent session control with no store call of its own for the current request. */
        @Bean
        @ConditionalOnMissingBean(SessionRegistry.class)
        SessionStoreSessionRegistry<SessionStoreSession> sessionStoreSessionRegistry(
                SessionStoreRepository repository) {
            return new SessionStoreSessionRegistry<>(repository);
        }
    }
}
