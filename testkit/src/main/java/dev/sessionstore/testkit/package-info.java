/** Contract suites every session store passes, and real {@code redis-server} extensions for tests. */
@NullMarked
package dev.sessionstore.testkit;

import org.jspecify.annotations.NullMarked;
