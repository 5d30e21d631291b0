/** The benchmark application: JMH runs, bytes per session and the comparison of session stores, with their reports. */
@NullMarked
package dev.sessionstore.bench;

import org.jspecify.annotations.NullMarked;
