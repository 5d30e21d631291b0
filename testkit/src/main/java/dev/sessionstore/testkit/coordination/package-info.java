/** Contract suites every scheduler, fenced lock and circuit breaker passes. */
@NullMarked
package dev.sessionstore.testkit.coordination;

import org.jspecify.annotations.NullMarked;
