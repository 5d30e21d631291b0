/** The relational session store: Hibernate ORM (JPA) on PostgreSQL. */
@NullMarked
package dev.sessionstore.jdbc;

import org.jspecify.annotations.NullMarked;
