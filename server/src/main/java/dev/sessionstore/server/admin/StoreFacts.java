package dev.sessionstore.server.admin;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the admin page reports about the store, given by the server that opened it.
 *
 * @param description one line naming the store, e.g. "embedded Redis redis://127.0.0.1:6379 ..."
 * @param persistence the store's persistence for people, asked at each page view (it may change at run time)
 * @param warnings things an operator should know, shown at the top of the page
 */
public record StoreFacts(String description, Supplier<String> persistence, List<String> warnings) {
    public StoreFacts {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(persistence, "persistence");
        warnings = List.copyOf(warnings);
    }
}
