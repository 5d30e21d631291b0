/** The backend-neutral algorithms of coordination (scheduler, leases, breakers); not exported. */
@NullMarked
package dev.sessionstore.coordination.internal;

import org.jspecify.annotations.NullMarked;
