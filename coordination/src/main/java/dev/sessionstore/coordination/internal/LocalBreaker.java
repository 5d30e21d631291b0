package dev.sessionstore.coordination.internal;

import dev.sessionstore.coordination.BreakerConfig;
import dev.sessionstore.coordination.BreakerState;
import java.time.Clock;

/** The state machine an instance runs on its own calls while the backend is unreachable. */
final class LocalBreaker {
    private final BreakerConfig config;
    private final Clock clock;
    private final LocalWindow window;
    private BreakerState state = BreakerState.CLOSED;
    private long openUntil;
    private long probeSuccesses;

    LocalBreaker(BreakerConfig config, Clock clock, LocalWindow window) {
        this.config = config;
        this.clock = clock;
        this.window = window;
    }

    /** Starts from the last state seen from the cluster. */
    void enter(BreakerState from) {
        state = switch (from) {
            case OPEN, FORCED_OPEN -> open();
            case HALF_OPEN -> BreakerState.HALF_OPEN;
            case CLOSED, FORCED_CLOSED -> BreakerState.CLOSED;
        };
        probeSuccesses = 0;
    }

    /**
     * Applies the local rules to the outcomes published since the last tick.
     *
     * @return how many probe permits to grant for a new half-open round, else 0
     */
    int tick(BreakerBackend.Batch batch) {
        long now = clock.millis();
        if (state == BreakerState.OPEN && now >= openUntil) {
            state = BreakerState.HALF_OPEN;
            probeSuccesses = 0;
            return config.halfOpenProbes();
        }
        if (state == BreakerState.HALF_OPEN) {
            if (batch.probeFailures() > 0) {
                state = open();
            } else if ((probeSuccesses += batch.probeSuccesses()) >= config.halfOpenProbes()) {
                state = BreakerState.CLOSED;
                window.reset();
            }
        } else if (state == BreakerState.CLOSED) {
            long[] t = window.totals();
            if (config.shouldOpen(t[0], t[1])) {
                state = open();
            }
        }
        return 0;
    }

    private BreakerState open() {
        openUntil = clock.millis() + config.openDuration().toMillis();
        return BreakerState.OPEN;
    }

    BreakerState state() {
        return state;
    }
}
