package dev.sessionstore.memory;

import dev.sessionstore.SessionId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;

/** Sessions ordered by the instant of their expiry mark, so the sweeper finds the due ones first. Thread-safe. */
final class ExpiryQueue {
    record Mark(Instant at, SessionId id) {}

    private final ConcurrentSkipListSet<Mark> marks =
            new ConcurrentSkipListSet<>(Comparator.comparing(Mark::at).thenComparing(Mark::id));

    void add(Instant at, SessionId id) {
        marks.add(new Mark(at, id));
    }

    void remove(Instant at, SessionId id) {
        marks.remove(new Mark(at, id));
    }

    /** Takes the earliest mark if it is due at {@code now} (its instant is not after now). */
    Optional<Mark> pollDue(Instant now) {
        while (true) {
            Iterator<Mark> it = marks.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Mark head = it.next();
            if (head.at().isAfter(now)) {
                return Optional.empty();
            }
            if (marks.remove(head)) {
                return Optional.of(head);
            }
        }
    }

    int size() {
        return marks.size();
    }
}
