/** HTTP plumbing shared by the handlers: routes, authentication, problem responses and error mapping. */
@NullMarked
package dev.sessionstore.server.http;

import org.jspecify.annotations.NullMarked;
