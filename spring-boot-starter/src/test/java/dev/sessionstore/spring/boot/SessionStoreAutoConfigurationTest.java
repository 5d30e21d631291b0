package dev.sessionstore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionstore.SessionStore;
import dev.sessionstore.json.AttributeCodec;
import dev.sessionstore.json.DisallowedTypeException;
import dev.sessionstore.memory.InMemorySessionStore;
import dev.sessionstore.redis.RedisSessionStore;
import dev.sessionstore.redis.RedisSessionStoreBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;

/** The auto-configuration's beans and conditions; no Redis is reached (the store connects on first use). */
class SessionStoreAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SessionStoreAutoConfiguration.class))
            .withPropertyValues("sessionstore.redis-url=redis://127.0.0.1:1");

    @Test
    void oneRedisUrlIsEnoughForTheStoreCodecAndHealthIndicator() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(SessionStore.class);
            assertThat(context.getBean(SessionStore.class)).isInstanceOf(RedisSessionStore.class);
            assertThat(context).hasSingleBean(AttributeCodec.class);
            assertThat(context).hasBean("sessionStoreHealthIndicator");
        });
    }

    @Test
    void theIndexListingRate_isTheStoresDefault_orTheProperty() {
        runner.run(context -> assertThat(((RedisSessionStore) context.getBean(SessionStore.class)).indexListingRate())
                .isEqualTo(RedisSessionStoreBuilder.DEFAULT_INDEX_LISTING_RATE)
                .isEqualTo(1_000));
        for (int rate : new int[] {0, 10, 50_000}) {
            runner.withPropertyValues("sessionstore.index-listing-rate=" + rate)
                    .run(context -> assertThat(
                                    ((RedisSessionStore) context.getBean(SessionStore.class)).indexListingRate())
                            .isEqualTo(rate));
        }
    }

    @Test
    void theCodecCarriesSpringSecuritysContextAndTheAllowedTypes() {
        runner.withPropertyValues(
                        "sessionstore.session.allowed-types=dev.sessionstore.spring.boot.SessionStoreAutoConfigurationTest$Cart")
                .run(context -> {
                    AttributeCodec codec = context.getBean(AttributeCodec.class);
                    var token = UsernamePasswordAuthenticationToken.authenticated(
                            User.withUsername("alice")
                                    .password("x")
                                    .roles("USER")
                                    .build(),
                            null,
                            AuthorityUtils.createAuthorityList("ROLE_USER"));
                    Object decoded = codec.decode(codec.encode(new SecurityContextImpl(token)));
                    assertThat(decoded).isInstanceOf(SecurityContextImpl.class);
                    assertThat(((SecurityContextImpl) decoded)
                                    .getAuthentication()
                                    .getName())
                            .isEqualTo("alice");
                    assertThat(codec.decode(codec.encode(new Cart(3)))).isEqualTo(new Cart(3));
                });
        runner.run(context -> assertThatThrownBy(
                        () -> context.getBean(AttributeCodec.class).encode(new Cart(3)))
                .isInstanceOf(DisallowedTypeException.class)
                .hasMessageContaining(Cart.class.getName()));
    }

    /** An application type, allowed through {@code sessionstore.session.allowed-types}. */
    public record Cart(int items) {}

    @Test
    void theStoreIsTimedWhenTheAppHasAMeterRegistry() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context ->
                        assertThat(context.getBean(SessionStore.class)).isInstanceOf(MeteredSessionStore.class));
    }

    @Test
    void withoutMicrometerOrBootHealthTheStoreIsPlainAndHasNoIndicator() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class, AbstractHealthIndicator.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(SessionStore.class)).isInstanceOf(RedisSessionStore.class);
                    assertThat(context).doesNotHaveBean("sessionStoreHealthIndicator");
                });
    }

    @Test
    void theStoreBacksOffWhenTheAppDefinesOne() {
        runner.withUserConfiguration(OwnStore.class).run(context -> {
            assertThat(context).hasSingleBean(SessionStore.class);
            assertThat(context.getBean(SessionStore.class)).isSameAs(context.getBean(OwnStore.class).store);
        });
    }

    @Test
    void theCodecBacksOffWhenTheAppDefinesOne() {
        runner.withUserConfiguration(OwnCodec.class).run(context -> {
            assertThat(context).hasSingleBean(AttributeCodec.class);
            assertThat(context).hasBean("ownCodec");
        });
    }

    @Test
    void theHealthIndicatorBacksOffWhenTheAppDefinesOneOfThatName() {
        runner.withUserConfiguration(OwnIndicator.class)
                .run(context -> assertThat(context.getBean("sessionStoreHealthIndicator"))
                        .isInstanceOf(String.class));
    }

    @Test
    void aMalformedPropertyStopsTheAppNamingIt() {
        runner.withPropertyValues("sessionstore.key-prefix=has space")
                .run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("sessionstore.key-prefix"));
        runner.withPropertyValues("sessionstore.session.absolute-timeout=-1s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("sessionstore.session.absolute-timeout"));
        for (String bad : new String[] {"-1", "65"}) {
            runner.withPropertyValues("sessionstore.direct-connections=" + bad)
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("sessionstore.direct-connections must be 0 (off) to 64: " + bad));
        }
        for (String bad : new String[] {"-1", "9", "1000001"}) {
            runner.withPropertyValues("sessionstore.index-listing-rate=" + bad)
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining(
                                    "sessionstore.index-listing-rate must be 0 (unpaced) or 10 to 1000000: " + bad));
        }
        for (String bad : new String[] {"-1", "1000001"}) {
            runner.withPropertyValues("sessionstore.session.security-context-cache=" + bad)
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining(
                                    "sessionstore.session.security-context-cache must be 0 (off) to 1000000: " + bad));
        }
        runner.withPropertyValues("sessionstore.redis-url=http://x")
                .run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("sessionstore.redis-url"));
        runner.withPropertyValues("sessionstore.session.allowed-types=com.example.NoSuchType")
                .run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("com.example.NoSuchType"));
    }

    @Test
    void propertiesHaveTheirDefaults() {
        runner.run(context -> {
            SessionStoreProperties properties = context.getBean(SessionStoreProperties.class);
            assertThat(properties.keyPrefix()).isEqualTo("ss");
            assertThat(properties.commandTimeout()).isEqualTo(Duration.ofMillis(500));
            assertThat(properties.cluster()).isFalse();
            assertThat(properties.directConnectionsIfSet()).isEmpty();
            assertThat(properties.session().allowedTypes()).isEmpty();
            assertThat(properties.session().absoluteTimeoutIfSet()).isEmpty();
        });
    }

    @Test
    void withoutARedisUrlTheAppsSpringDataRedisPropertiesAreUsed() {
        SessionStoreProperties none = properties(null);
        assertThat(RedisUrl.resolve(none, env(Map.of()))).isEqualTo("redis://localhost:6379");
        assertThat(RedisUrl.resolve(
                        none,
                        env(Map.of(
                                "spring.data.redis.host", "cache.internal",
                                "spring.data.redis.port", "6380",
                                "spring.data.redis.username", "app",
                                "spring.data.redis.password", "p@ss word",
                                "spring.data.redis.database", "2",
                                "spring.data.redis.ssl.enabled", "true"))))
                .isEqualTo("rediss://app:p%40ss%20word@cache.internal:6380/2");
        assertThat(RedisUrl.resolve(none, env(Map.of("spring.data.redis.url", "redis://u:6390"))))
                .isEqualTo("redis://u:6390");
        assertThat(RedisUrl.resolve(properties("redis://own:1"), env(Map.of("spring.data.redis.host", "other"))))
                .isEqualTo("redis://own:1");
    }

    private static SessionStoreProperties properties(@org.jspecify.annotations.Nullable String url) {
        return new SessionStoreProperties(
                url,
                "ss",
                Duration.ofMillis(500),
                false,
                null,
                2_000,
                new SessionStoreProperties.Session(java.util.List.of(), null, 10_000));
    }

    private static StandardEnvironment env(Map<String, Object> values) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", values));
        return env;
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStore {
        final InMemorySessionStore store = new InMemorySessionStore();

        @Bean
        SessionStore ownStore() {
            return store;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCodec {
        @Bean
        AttributeCodec ownCodec() {
            return AttributeCodec.builder().build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnIndicator {
        @Bean
        String sessionStoreHealthIndicator() {
            return "own";
        }
    }
}
