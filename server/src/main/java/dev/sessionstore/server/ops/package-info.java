/** Operator endpoints and metrics: health checks, Prometheus metrics, the OpenAPI document. */
@NullMarked
package dev.sessionstore.server.ops;

import org.jspecify.annotations.NullMarked;
