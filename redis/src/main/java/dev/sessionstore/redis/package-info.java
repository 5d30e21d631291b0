/** The Redis session store (Lettuce, Lua scripts; layout in docs/redis-layout.md). */
@NullMarked
package dev.sessionstore.redis;

import org.jspecify.annotations.NullMarked;
