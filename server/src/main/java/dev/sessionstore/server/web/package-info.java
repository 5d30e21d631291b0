/** The HTML pages for people: sign-in, "Your sessions", sign-out, and their shared helpers. */
@NullMarked
package dev.sessionstore.server.web;

import org.jspecify.annotations.NullMarked;
