/**
 * The session API: {@link dev.sessionstore.SessionStore}, its value types and its exceptions. Nothing here
 * returns {@code null}; absence is an {@link java.util.Optional}.
 */
@NullMarked
package dev.sessionstore;

import org.jspecify.annotations.NullMarked;
