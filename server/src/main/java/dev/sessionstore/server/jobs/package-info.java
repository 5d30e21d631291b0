/** The server's cluster-wide maintenance jobs (expiry scan, statistics) and their Redis connections. */
@NullMarked
package dev.sessionstore.server.jobs;

import org.jspecify.annotations.NullMarked;
