/** Fenced writes to a relational database: the lock's fencing token checked by SQL. */
@NullMarked
package dev.sessionstore.coordination.jdbc;

import org.jspecify.annotations.NullMarked;
