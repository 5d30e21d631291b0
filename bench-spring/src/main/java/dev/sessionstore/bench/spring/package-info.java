/**
 * The Spring Boot app of the side-by-side benchmark (issue 10, requirement 5): Spring Security form login and one
 * authenticated page, its sessions kept by the {@link dev.sessionstore.bench.spring.Layer} that {@code bench.layer}
 * names.
 */
@NullMarked
package dev.sessionstore.bench.spring;

import org.jspecify.annotations.NullMarked;
