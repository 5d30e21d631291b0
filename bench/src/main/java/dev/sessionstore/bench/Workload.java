package dev.sessionstore.bench;

import java.util.List;

/**
 * The data every target stores: a user id and three attributes whose values are 20-character ASCII
 * strings (20 bytes; our stores keep them as 22 bytes of JSON, Spring Session as a Java-serialized
 * {@code String}).
 */
final class Workload {
    static final List<String> ATTRIBUTE_NAMES = List.of("theme", "locale", "cart");
    static final int VALUE_LENGTH = 20;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Workload() {}

    /** A deterministic 20-character value for {@code seed}. */
    static String value(long seed) {
        StringBuilder sb = new StringBuilder(VALUE_LENGTH);
        long x = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (int i = 0; i < VALUE_LENGTH; i++) {
            x ^= x >>> 29;
            x *= 0xBF58476D1CE4E5B9L;
            sb.append(ALPHABET.charAt((int) Math.floorMod(x >>> 7, (long) ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The user id of base user {@code i}. */
    static String user(int i) {
        return "user-" + i;
    }
}
