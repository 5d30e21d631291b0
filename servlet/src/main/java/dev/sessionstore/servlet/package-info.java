/**
 * {@link dev.sessionstore.servlet.SessionFilter}: an {@code HttpSession} backed by a {@code SessionStore}, for servlet
 * applications without Spring. Configured by {@link dev.sessionstore.servlet.SessionFilterOptions}.
 */
@NullMarked
package dev.sessionstore.servlet;

import org.jspecify.annotations.NullMarked;
