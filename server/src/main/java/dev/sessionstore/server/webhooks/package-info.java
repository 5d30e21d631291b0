/** Session-event webhooks: the events, their bounded queue, retries and HTTP delivery. */
@NullMarked
package dev.sessionstore.server.webhooks;

import org.jspecify.annotations.NullMarked;
