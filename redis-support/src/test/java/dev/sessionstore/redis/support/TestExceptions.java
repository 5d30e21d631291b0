package dev.sessionstore.redis.support;

/** A module's exception tree in miniature, for the tests. */
final class TestExceptions implements RedisExceptions {
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public RuntimeException unavailable(String message, Throwable cause) {
        return new Unavailable(message, cause);
    }

    @Override
    public RuntimeException rejected(String message, Throwable cause) {
        return new Rejected(message, cause);
    }
}
