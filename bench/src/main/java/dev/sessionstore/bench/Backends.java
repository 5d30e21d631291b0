package dev.sessionstore.bench;

import dev.sessionstore.embedded.RedisServerProcess;
import java.io.PrintStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The servers of one benchmark run: a Redis (a private {@code redis-server} without persistence,
 * unless a URL is given) shared by every Redis-backed target, and a PostgreSQL for the ORM store
 * (embedded unless a URL is given), started only if that store is selected.
 */
final class Backends implements AutoCloseable {
    private final Optional<RedisServerProcess> redisServer;
    private final RedisProbe redis;
    private final Optional<Postgres> postgres;
    private final String postgresProblem;

    private Backends(
            Optional<RedisServerProcess> redisServer,
            RedisProbe redis,
            Optional<Postgres> postgres,
            String postgresProblem) {
        this.redisServer = redisServer;
        this.redis = redis;
        this.postgres = postgres;
        this.postgresProblem = postgresProblem;
    }

    static Backends start(Options o, boolean withPostgres, PrintStream log) {
        Optional<RedisServerProcess> server =
                o.redisUrl().isPresent() ? Optional.empty() : Optional.of(RedisServerProcess.startEphemeral());
        String uri = o.redisUrl().orElseGet(() -> server.orElseThrow().uri());
        log.println("Redis: " + (server.isPresent() ? "private redis-server, no persistence, at " + uri : uri));
        RedisProbe probe = new RedisProbe(uri);
        Optional<Postgres> pg = Optional.empty();
        String pgProblem = "PostgreSQL not started";
        if (withPostgres) {
            try {
                pg = Optional.of(startPostgres(o, log));
            } catch (RuntimeException e) {
                pgProblem = "PostgreSQL did not start: " + e.getMessage();
                log.println(pgProblem);
            }
        }
        return new Backends(server, probe, pg, pgProblem);
    }

    private static Postgres startPostgres(Options o, PrintStream log) {
        if (o.pgUrl().isPresent()) {
            log.println("PostgreSQL: " + o.pgUrl().get());
            return Postgres.connect(o.pgUrl().get(), o.pgUser(), o.pgPassword());
        }
        log.println("PostgreSQL: starting embedded (zonky binaries)");
        return Postgres.embedded();
    }

    RedisProbe redis() {
        return redis;
    }

    /** The Redis server's process id if this benchmark started it. */
    OptionalLong redisPid() {
        return redisServer.map(s -> OptionalLong.of(s.pid())).orElse(OptionalLong.empty());
    }

    Optional<Postgres> postgres() {
        return postgres;
    }

    /** A new instance of the named target on these servers. */
    Target newTarget(String name) {
        return switch (name) {
            case "redis-store" -> Stores.redis(redis.uri());
            case "memory-store" -> Stores.memory();
            case "jdbc-store" -> Stores.jdbc(postgres.orElseThrow(() -> new IllegalStateException(postgresProblem)));
            case "spring-simple" -> SpringSessionTarget.simple(redis.uri());
            case "spring-indexed" -> SpringSessionTarget.indexed(redis.uri());
            default -> throw new IllegalArgumentException("unknown store " + name);
        };
    }

    @Override
    public void close() {
        postgres.ifPresent(Postgres::close);
        redis.close();
        redisServer.ifPresent(RedisServerProcess::close);
    }
}
