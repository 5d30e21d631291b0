/** The coordination API: cluster-wide scheduled jobs, fenced locks and shared circuit breakers. */
@NullMarked
package dev.sessionstore.coordination;

import org.jspecify.annotations.NullMarked;
