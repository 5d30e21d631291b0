/** JMH benchmarks of the coordination module's fenced lock and shared circuit breaker. */
@NullMarked
package dev.sessionstore.bench.coordination;

import org.jspecify.annotations.NullMarked;
