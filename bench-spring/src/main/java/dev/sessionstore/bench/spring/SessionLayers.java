package dev.sessionstore.bench.spring;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession;

/**
 * One configuration per Spring Session Data Redis {@link Layer}, active with its profile; the {@code sessionstore}
 * layer is the starter alone (its auto-configuration registers the repository and filters), as an app adds it. Each
 * app's defaults otherwise: a 30-minute idle timeout, Spring Session Data Redis with its JDK serialization; the
 * {@code spring-session-map} layer keeps sessions in a map in the JVM (the ceiling, not a deployable layer).
 */
final class SessionLayers {
    private SessionLayers() {}

    @Configuration(proxyBeanMethods = false)
    @Profile("spring-session")
    @EnableRedisHttpSession
    static class SpringSessionLayer {}

    @Configuration(proxyBeanMethods = false)
    @Profile("spring-session-indexed")
    @EnableRedisIndexedHttpSession
    static class SpringSessionIndexedLayer {}

    @Configuration(proxyBeanMethods = false)
    @Profile("spring-session-map")
    @EnableSpringHttpSession
    static class SpringSessionMapLayer {
        @Bean
        MapSessionRepository sessionRepository() {
            MapSessionRepository repository = new MapSessionRepository(new ConcurrentHashMap<>());
            repository.setDefaultMaxInactiveInterval(MapSession.DEFAULT_MAX_INACTIVE_INTERVAL);
            return repository;
        }
    }
}
