/**
 * {@link dev.sessionstore.json.AttributeCodec}: turns the Java values an application puts in a session into
 * {@link dev.sessionstore.JsonValue}s and back, through Jackson 3, instantiating only types on an allow-list.
 */
@NullMarked
package dev.sessionstore.json;

import org.jspecify.annotations.NullMarked;
