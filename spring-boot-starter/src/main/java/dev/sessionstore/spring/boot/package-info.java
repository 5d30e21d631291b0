/** Spring Boot auto-configuration that keeps an app's sessions in a sessionstore {@code SessionStore} on Redis. */
@NullMarked
package dev.sessionstore.spring.boot;

import org.jspecify.annotations.NullMarked;
