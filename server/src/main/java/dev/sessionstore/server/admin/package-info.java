/** The admin page behind the API key: store facts, statistics and the coordination section. */
@NullMarked
package dev.sessionstore.server.admin;

import org.jspecify.annotations.NullMarked;
