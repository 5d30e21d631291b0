package dev.sessionstore.spring.boot;

import dev.sessionstore.SessionStore;
import dev.sessionstore.json.AttributeCodec;
import dev.sessionstore.redis.RedisSessionStore;
import dev.sessionstore.redis.RedisSessionStoreBuilder;
import dev.sessionstore.spring.session.SpringSessionCodecs;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The {@link SessionStore} on Redis ({@code sessionstore.redis-url}, else the app's {@code spring.data.redis.*}),
 * its health indicator and meters, and the {@link AttributeCodec}. Every bean backs off when the app defines its own.
 */
@AutoConfiguration(beforeName = SessionStoreAutoConfiguration.BOOT_SESSION_AUTO_CONFIGURATION)
@EnableConfigurationProperties(SessionStoreProperties.class)
public class SessionStoreAutoConfiguration {
    static final String BOOT_SESSION_AUTO_CONFIGURATION =
            "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration";

    /** The store on Redis, decorated with meters when Micrometer is there; closed with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SessionStore sessionStore(
            SessionStoreProperties properties, Environment env, ObjectProvider<SessionStoreDecorator> decorators) {
        RedisSessionStoreBuilder builder = RedisSessionStore.builder()
                .redisUri(RedisUrl.resolve(properties, env))
                .cluster(properties.cluster())
                .commandTimeout(properties.commandTimeout())
                .keyPrefix(properties.keyPrefix())
                .indexListingRate(properties.indexListingRate());
        properties.directConnectionsIfSet().ifPresent(builder::directConnections);
        SessionStore store = builder.build();
        for (SessionStoreDecorator decorator : decorators.orderedStream().toList()) {
            store = decorator.decorate(store);
        }
        return store;
    }

    /**
     * Attribute values to JSON: Spring Security's context and tokens when Spring Security is present ({@link
     * SpringSessionCodecs}), plus {@code sessionstore.session.allowed-types}.
     */
    @Bean
    @ConditionalOnMissingBean
    AttributeCodec sessionStoreAttributeCodec(SessionStoreProperties properties, Environment env) {
        ClassLoader loader = ClassUtils.getDefaultClassLoader();
        AttributeCodec.Builder builder =
                SpringSessionCodecs.builder(loader == null ? getClass().getClassLoader() : loader);
        allow(builder, properties.session().allowedTypes(), loader);
        return builder.build();
    }

    static void allow(
            AttributeCodec.Builder builder,
            List<String> allowedTypes,
            @org.jspecify.annotations.Nullable ClassLoader loader) {
        for (String type : allowedTypes) {
            if (type.endsWith(".*")) {
                builder.allowPackage(type.substring(0, type.length() - 2));
            } else {
                try {
                    builder.allow(ClassUtils.forName(type, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalArgumentException("sessionstore.session.allowed-types: no class " + type, e);
                }
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {
        @Bean
        SessionStoreDecorator sessionStoreMeters(ObjectProvider<MeterRegistry> registry) {
            return store -> {
                MeterRegistry meters = registry.getIfUnique();
                return meters == null ? store : new MeteredSessionStore(store, meters);
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AbstractHealthIndicator.class)
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "sessionStoreHealthIndicator")
        SessionStoreHealthIndicator sessionStoreHealthIndicator(SessionStore store) {
            return new SessionStoreHealthIndicator(store);
        }
    }
}
