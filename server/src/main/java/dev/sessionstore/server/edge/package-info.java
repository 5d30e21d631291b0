/**
 * The service edge: idle and read timeouts, the connection cap and its refusal, and the watchdog that keeps the
 * listener accepting (Helidon's own accept loop ends for good on the first failed accept, e.g. out of descriptors).
 */
@NullMarked
package dev.sessionstore.server.edge;

import org.jspecify.annotations.NullMarked;
