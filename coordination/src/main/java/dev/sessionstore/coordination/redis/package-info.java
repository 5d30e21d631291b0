/** Coordination through Redis, shared by every instance of a service. */
@NullMarked
package dev.sessionstore.coordination.redis;

import org.jspecify.annotations.NullMarked;
