/** Coordination within one process (tests, single instance). */
@NullMarked
package dev.sessionstore.coordination.memory;

import org.jspecify.annotations.NullMarked;
