/**
 * {@link dev.sessionstore.spring.session.SessionStoreRepository}: a Spring Session {@code
 * FindByIndexNameSessionRepository} backed by a {@code SessionStore}, configured by {@link
 * dev.sessionstore.spring.session.SessionStoreRepositoryOptions}; {@link
 * dev.sessionstore.spring.session.SpringSessionCodecs} builds the attribute codec with Spring Security's Jackson support.
 */
@NullMarked
package dev.sessionstore.spring.session;

import org.jspecify.annotations.NullMarked;
