package dev.sessionstore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionstore.spring.session.SessionStoreRepository;
import dev.sessionstore.spring.session.SessionStoreRepositoryFilter;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** The Spring Session beans and how each backs off; no Redis is reached (the store connects on first use). */
class SessionStoreSessionAutoConfigurationTest {
    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    SessionStoreAutoConfiguration.class, SessionStoreSessionAutoConfiguration.class))
            .withPropertyValues("sessionstore.redis-url=redis://127.0.0.1:1");

    @Test
    void aWebAppGetsTheRepositoryTheFilterAndTheRegistry() {
        web.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(SessionStoreRepository.class);
            assertThat(context).hasSingleBean(SessionRepositoryFilter.class);
            assertThat(context).hasBean("springSessionRepositoryFilter");
            // one store call per request that reads its session, whatever spring.session.servlet.filter-order says
            assertThat(context.getBean("springSessionRepositoryFilter"))
                    .isInstanceOf(SessionStoreRepositoryFilter.class);
            assertThat(context).hasSingleBean(SessionRegistry.class);
            assertThat(context.getBean("sessionStoreSessionRegistry")).isInstanceOf(SessionStoreSessionRegistry.class);
        });
    }

    @Test
    void idleTimeoutIsSpringSessionTimeoutWhenSet() {
        web.withPropertyValues("spring.session.timeout=7m")
                .run(context -> assertThat(context.getBean(SessionStoreRepository.class)
                                .createSession()
                                .getMaxInactiveInterval())
                        .isEqualTo(Duration.ofMinutes(7)));
    }

    @Test
    void securityContextCacheIsTheSessionProperty_elseTenThousandSessions() {
        web.run(context -> assertThat(
                        context.getBean(SessionStoreRepository.class).options().securityContextCache())
                .isEqualTo(10_000));
        web.withPropertyValues("sessionstore.session.security-context-cache=0")
                .run(context -> assertThat(context.getBean(SessionStoreRepository.class)
                                .options()
                                .securityContextCache())
                        .isZero());
    }

    @Test
    void idleTimeoutFallsBackToTheServletSessionTimeout_andSpringSessionTimeoutWins() {
        web.withPropertyValues("server.servlet.session.timeout=9m")
                .run(context -> assertThat(context.getBean(SessionStoreRepository.class)
                                .createSession()
                                .getMaxInactiveInterval())
                        .isEqualTo(Duration.ofMinutes(9)));
        web.withPropertyValues("server.servlet.session.timeout=9m", "spring.session.timeout=7m")
                .run(context -> assertThat(context.getBean(SessionStoreRepository.class)
                                .createSession()
                                .getMaxInactiveInterval())
                        .isEqualTo(Duration.ofMinutes(7)));
    }

    @Test
    void everySessionBeanBacksOffWhenTheAppDefinesAnySessionRepository() {
        web.withUserConfiguration(OwnRepository.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SessionStoreRepository.class);
            assertThat(context).doesNotHaveBean(SessionRepositoryFilter.class);
            assertThat(context).doesNotHaveBean(SessionRegistry.class);
            assertThat(context).hasSingleBean(SessionRepository.class);
        });
    }

    @Test
    void theFilterBacksOffWhenTheAppDefinesOne() {
        web.withUserConfiguration(OwnFilter.class).run(context -> {
            assertThat(context).hasSingleBean(SessionRepositoryFilter.class);
            assertThat(context).hasBean("ownFilter");
            assertThat(context).doesNotHaveBean("springSessionRepositoryFilter");
        });
    }

    @Test
    void theRegistryBacksOffWhenTheAppDefinesOne() {
        web.withUserConfiguration(OwnRegistry.class).run(context -> {
            assertThat(context).hasSingleBean(SessionRegistry.class);
            assertThat(context).doesNotHaveBean("sessionStoreSessionRegistry");
        });
    }

    @Test
    void withoutSpringSecurityThereIsNoRegistry() {
        web.withClassLoader(new FilteredClassLoader(SessionRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(SessionStoreRepository.class);
            assertThat(context).doesNotHaveBean("sessionStoreSessionRegistry");
        });
    }

    @Test
    void aNonWebAppGetsTheRepositoryButNoFilter() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        SessionStoreAutoConfiguration.class, SessionStoreSessionAutoConfiguration.class))
                .withPropertyValues("sessionstore.redis-url=redis://127.0.0.1:1")
                .run(context -> {
                    assertThat(context).hasSingleBean(SessionStoreRepository.class);
                    assertThat(context).doesNotHaveBean(SessionRepositoryFilter.class);
                });
    }

    @Test
    void bootsSessionAutoConfigurationRegistersOurFilterAndSuppliesTheCookieSerializer() {
        web.withConfiguration(AutoConfigurations.of(SessionAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(SessionStoreRepository.class);
                    assertThat(context).hasSingleBean(SessionRepositoryFilter.class);
                    assertThat(context).hasSingleBean(DelegatingFilterProxyRegistrationBean.class);
                    assertThat(context).hasSingleBean(CookieSerializer.class);
                });
    }

    @Test
    void theDefaultCookieIsHttpOnlyAndSameSiteLax() {
        DefaultCookieSerializer cookies = SessionStoreSessionAutoConfiguration.cookies();
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        cookies.writeCookieValue(new CookieSerializer.CookieValue(request, response, "v"));
        assertThat(response.getHeader("Set-Cookie"))
                .contains("HttpOnly", "SameSite=Lax")
                .doesNotContain("Secure");
        request.setSecure(true);
        MockHttpServletResponse secure = new MockHttpServletResponse();
        cookies.writeCookieValue(new CookieSerializer.CookieValue(request, secure, "v"));
        assertThat(secure.getHeader("Set-Cookie")).contains("Secure");
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRepository {
        @Bean
        MapSessionRepository ownRepository() {
            return new MapSessionRepository(new ConcurrentHashMap<>());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFilter {
        @Bean
        SessionRepositoryFilter<?> ownFilter(SessionStoreRepository repository) {
            return new SessionRepositoryFilter<>(repository);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistry {
        @Bean
        SessionRegistry ownRegistry() {
            return new SessionRegistryImpl();
        }
    }
}
