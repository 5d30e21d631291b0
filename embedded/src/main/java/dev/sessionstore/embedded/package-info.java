/** A {@code redis-server} process started from the PATH or from the bundled binary. */
@NullMarked
package dev.sessionstore.embedded;

import org.jspecify.annotations.NullMarked;
