/** The JSON service API under {@code /v1}: routes, request parsing and response encoding. */
@NullMarked
package dev.sessionstore.server.api;

import org.jspecify.annotations.NullMarked;
