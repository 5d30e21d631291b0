package dev.sessionstore.spring.boot;

import dev.sessionstore.json.AttributeCodec;

/** Where the codec's builder comes from: Spring Session's codecs once the spring-session module is merged. */
final class AttributeCodecs {
    private AttributeCodecs() {}

    static AttributeCodec.Builder builder(ClassLoader loader) {
        return AttributeCodec.builder();
    }
}
