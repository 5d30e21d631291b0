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
    SPRING_SESSION_INDEXED("spring-session-indexed"),
    /**
     * Spring Session over its in-memory {@code MapSessionRepository}: no Redis, no serialization, sessions shared by
     * reference within the JVM. Not a deployable layer (nothing survives a restart, nothing is shared between
     * instances); it measures what the app costs with a session layer that costs next to nothing, the ceiling for the
     * others.
     */
    SPRING_SESSION_MAP("spring-session-map");

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
        throw new IllegalArgumentException("bench.layer must be one of " + names() + ", got '" + value + "'");
    }

    /** The layers' names, comma-separated, for messages. */
    static String names() {
        return Arrays.stream(values()).map(Layer::profile).collect(Collectors.joining(", "));
    }
}
