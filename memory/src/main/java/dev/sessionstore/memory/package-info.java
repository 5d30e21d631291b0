/** The in-memory session store. */
@NullMarked
package dev.sessionstore.memory;

import org.jspecify.annotations.NullMarked;
