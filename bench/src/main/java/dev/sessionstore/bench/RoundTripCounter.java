package dev.sessionstore.bench;

/** Counts the round trips a target makes to its backing store. */
interface RoundTripCounter extends AutoCloseable {
    /** Round trips since the last call. */
    long drain();

    @Override
    void close();

    static RoundTripCounter forBacking(Backing backing, Backends backends) {
        return switch (backing) {
            case REDIS -> {
                MonitorCounter m = new MonitorCounter(backends.redis());
                yield new RoundTripCounter() {
                    @Override
                    public long drain() {
                        return m.drain();
                    }

                    @Override
                    public void close() {
                        m.close();
                    }
                };
            }
            case POSTGRES -> {
                Postgres pg = backends.postgres().orElseThrow();
                long[] last = {pg.roundTrips()};
                yield new RoundTripCounter() {
                    @Override
                    public long drain() {
                        long now = pg.roundTrips();
                        long n = now - last[0];
                        last[0] = now;
                        return n;
                    }

                    @Override
                    public void close() {}
                };
            }
            case HEAP ->
                new RoundTripCounter() {
                    @Override
                    public long drain() {
                        return 0;
                    }

                    @Override
                    public void close() {}
                };
        };
    }
}
