/** The session server application: command line, configuration, backend choice and the running service. */
@NullMarked
package dev.sessionstore.server;

import org.jspecify.annotations.NullMarked;
