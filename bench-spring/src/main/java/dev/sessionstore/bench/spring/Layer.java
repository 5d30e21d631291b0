package dev.sessionstore.bench.spring;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The session layer under test, named by the property {@code bench.layer}; each is a Spring profile of the same name
 * that enables its configuration and excludes the other layers' auto-configuration
 * ({@code application-<layer>.properties}).
 */
public enum Layer {
    /** Spring Session over the spring-session module's {@code SessionStoreRepository}, the starter's Redis store. */
    SESSIONSTORE("sessionstore"),
    /** Spring Session Data Redis, its default {@code RedisSessionRepository}. */
    SPRING_SESSION("spring-session"),
    /** Spring Session Data Redis, its {@code RedisIndexedSessionRepository}. */
    SPRING_SESSION_INDEXED("spring-session-indexed");

    private final String profile;

    Layer(String profile) {
        this.profile = profile;
    }

    /** The property value and Spring profile that select this layer. */
    public String profile() {
        return profile;
    }

    /**
     * The layer a {@code bench.layer} value names.
     *
     * @throws IllegalArgumentException naming the property, the bad value and the valid ones
     */
    public static Layer of(String value) {
        for (Layer layer : values()) {
            if (layer.profile.equals(value)) {
                return layer;
            }
        }
        throw new IllegalArgumentException("bench.layer must be one of "
                + Arrays.stream(values()).map(Layer::profile).collect(Collectors.joining(", "))
                + ", got '" + value + "'");
    }
}
