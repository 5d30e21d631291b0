package dev.sessionstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardingSessionStoreTest {
    private static final SessionToken TOKEN = SessionToken.generateAnonymous();
    private static final Session SESSION = new Session(
            TOKEN.id(),
            Optional.of("alice"),
            Instant.EPOCH,
            Instant.EPOCH,
            Duration.ofMinutes(30),
            Instant.EPOCH.plus(Duration.ofHours(8)),
            1,
            Map.of(),
            Map.of());

    /** One sample value of each argument and result type of SessionStore; a new type needs one here. */
    private static final Map<Class<?>, Object> SAMPLES = Map.of(
            NewSession.class, NewSession.forUser("alice"),
            SessionToken.class, TOKEN,
            SessionId.class, TOKEN.id(),
            SessionUpdate.class,
                    SessionUpdate.builder().set("a", JsonValue.of(1)).build(),
            Optional.class, Optional.of(SESSION),
            List.class, List.of(SESSION),
            Session.class, SESSION,
            CreatedSession.class, new CreatedSession(TOKEN, SESSION),
            PageRequest.class, PageRequest.first(7),
            SessionPage.class, new SessionPage(List.of(SESSION), Optional.of("next")));

    private record Call(Method method, List<Object> args) {}

    private static List<Method> interfaceMethods() {
        return Arrays.stream(SessionStore.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .toList();
    }

    @Test
    void everySessionStoreMethod_isImplementedByTheBase_notLeftToSubclasses() throws Exception {
        for (Method m : interfaceMethods()) {
            Method own = ForwardingSessionStore.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
            assertThat(Modifier.isAbstract(own.getModifiers())).as(m.toString()).isFalse();
        }
    }

    @Test
    void everySessionStoreMethod_goesToTheDelegate_withTheSameArguments_andItsResultComesBack() throws Exception {
        List<Call> calls = new ArrayList<>();
        SessionStore recorder = (SessionStore) Proxy.newProxyInstance(
                SessionStore.class.getClassLoader(), new Class<?>[] {SessionStore.class}, (proxy, method, args) -> {
                    calls.add(new Call(method, args == null ? List.of() : Arrays.asList(args)));
                    return method.getReturnType() == void.class ? null : sample(method.getReturnType());
                });
        SessionStore forwarding = new ForwardingSessionStore(recorder) {};
        for (Method m : interfaceMethods()) {
            calls.clear();
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                // distinct strings, so that swapped arguments show
                args[i] = m.getParameterTypes()[i] == String.class ? "arg" + i : sample(m.getParameterTypes()[i]);
            }
            Object result = m.invoke(forwarding, args);
            assertThat(calls).as(m.toString()).hasSize(1);
            assertThat(calls.get(0).method().getName()).as(m.toString()).isEqualTo(m.getName());
            assertThat(calls.get(0).method().getParameterTypes())
                    .as(m.toString())
                    .isEqualTo(m.getParameterTypes());
            assertThat(calls.get(0).args()).as(m.toString()).containsExactly(args);
            if (m.getReturnType() != void.class) {
                assertThat(result).as(m.toString()).isSameAs(sample(m.getReturnType()));
            }
        }
    }

    private static Object sample(Class<?> type) {
        Object value = SAMPLES.get(type);
        assertThat(value).as("a sample " + type.getSimpleName()).isNotNull();
        return value;
    }
}
