package dev.sessionstore.bench.spring;

import dev.sessionstore.SessionStore;
import dev.sessionstore.json.AttributeCodec;
import dev.sessionstore.spring.session.SessionStoreRepository;
import dev.sessionstore.spring.session.SessionStoreRepositoryOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession;

/**
 * One configuration per {@link Layer}, active with its profile. Each app's defaults otherwise: a 30-minute idle
 * timeout, Spring Session Data Redis with its JDK serialization.
 */
final class SessionLayers {
    private SessionLayers() {}

    /**
     * The starter's {@code SessionStore} and codec (it does not register the Spring Session repository yet, issue 10),
     * behind Spring Session's filter.
     */
    @Configuration(proxyBeanMethods = false)
    @Profile("sessionstore")
    @EnableSpringHttpSession
    static class SessionStoreLayer {
        @Bean
        SessionStoreRepository sessionRepository(SessionStore store, AttributeCodec codec) {
            return new SessionStoreRepository(
                    store, SessionStoreRepositoryOptions.defaults().withCodec(codec));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("spring-session")
    @EnableRedisHttpSession
    static class SpringSessionLayer {}

    @Configuration(proxyBeanMethods = false)
    @Profile("spring-session-indexed")
    @EnableRedisIndexedHttpSession
    static class SpringSessionIndexedLayer {}
}
