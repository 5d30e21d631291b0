package dev.sessionstore.server.jobs;

import dev.sessionstore.SessionStore;
import dev.sessionstore.coordination.BreakerForce;
import dev.sessionstore.coordination.CircuitBreaker;
import dev.sessionstore.coordination.Coordination;
import dev.sessionstore.coordination.JobRun;
import dev.sessionstore.redis.RedisSessionEvents;
import dev.sessionstore.server.webhooks.EventingSessionStore;
import dev.sessionstore.server.webhooks.WebhookConfig;
import dev.sessionstore.server.webhooks.WebhookDispatcher;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What the server runs on the coordination module: the maintenance jobs (cluster-wide scheduler), the
 * session-event webhook (guarded by the shared {@value WebhookConfig#BREAKER} breaker), and what the admin page
 * shows of them. With a Redis it opens one Lettuce connection of its own for the jobs (keys under
 * {@value #OWN_PREFIX}), on the process's shared client resources, and reads the store's sessions through the
 * store's inspection API. {@link #close()} stops the dispatcher, then the coordination instance, then that
 * connection. Thread-safe.
 */
public final class ServerCoordination implements AutoCloseable {
    /** Prefix of the keys the server's jobs keep (stats, expiry snapshot), apart from the store's. */
    public static final String OWN_PREFIX = "ssrv";

    private final Coordination coordination;
    private final Optional<WebhookDispatcher> webhook;
    private final Optional<CircuitBreaker> breaker;
    private final StatsBoard board;
    private final List<String> jobs;
    private final Optional<Runnable> closeRedis;
    private final boolean outbox;

    private ServerCoordination(
            Coordination coordination,
            Optional<WebhookDispatcher> webhook,
            Optional<CircuitBreaker> breaker,
            StatsBoard board,
            List<String> jobs,
            Optional<Runnable> closeRedis,
            boolean outbox) {
        this.coordination = coordination;
        this.outbox = outbox;
        this.webhook = webhook;
        this.breaker = breaker;
        this.board = board;
        this.jobs = jobs;
        this.closeRedis = closeRedis;
    }

    /**
     * Registers the jobs, starts the scheduler and the webhook dispatcher (if configured).
     *
     * @param coordination this instance's coordination; closed by {@link #close()}, or here if starting fails
     * @param redis the Redis holding the store, if any (enables the shared stats board; with the store's event outbox, the webhook reads
     *     it and the expiry job writes its {@code expired} events)
     */
    public static ServerCoordination start(
            Coordination coordination,
            Optional<WebhookConfig> webhookConfig,
            MaintenanceOptions options,
            StatsSource stats,
            Optional<SharedRedis> redis,
            Clock clock) {
        Optional<CircuitBreaker> breaker =
                webhookConfig.map(w -> coordination.breakers().breaker(WebhookConfig.BREAKER, w.breaker()));
        Optional<RedisSessionEvents> outbox = redis.flatMap(SharedRedis::events);
        Optional<WebhookDispatcher> webhook = webhookConfig.map(w -> outbox.map(events -> WebhookDispatcher.outbox(
                        w,
                        breaker.orElseThrow(),
                        events.consumer(WebhookDispatcher.GROUP, coordination.instanceId(), w.claimAfter()),
                        () -> events.backlog(WebhookDispatcher.GROUP)))
                .orElseGet(() -> WebhookDispatcher.http(w, breaker.orElseThrow()))
                .start());
        Optional<OwnRedis> conn = Optional.empty();
        try {
            conn = redis.map(OwnRedis::connect);
            StatsBoard board = conn.map(c -> StatsBoard.redis(c, OWN_PREFIX)).orElseGet(StatsBoard::inMemory);
            List<String> jobs =
                    MaintenanceJobs.register(coordination.scheduler(), options, stats, board, outbox, clock);
            coordination.scheduler().start();
            Optional<Runnable> closer = conn.map(c -> c::close);
            return new ServerCoordination(coordination, webhook, breaker, board, jobs, closer, outbox.isPresent());
        } catch (RuntimeException e) {
            webhook.ifPresent(WebhookDispatcher::close);
            coordination.close();
            conn.ifPresent(OwnRedis::close);
            throw e;
        }
    }

    /**
     * {@code store} publishing session events to the webhook when it has no outbox of its own, else {@code store}
     * itself (no webhook, or the Redis store writing its events to its outbox).
     */
    public SessionStore wrap(SessionStore store, Clock clock) {
        if (outbox) {
            return store;
        }
        return webhook.<SessionStore>map(w -> new EventingSessionStore(store, w, clock))
                .orElse(store);
    }

    public String instanceId() {
        return coordination.instanceId();
    }

    public StatsBoard stats() {
        return board;
    }

    /** The names of the registered jobs. */
    public List<String> jobs() {
        return jobs;
    }

    /** The latest runs of {@code job} across the cluster, newest first; empty if Redis cannot be read. */
    public List<JobRun> history(String job, int limit) {
        try {
            return coordination.scheduler().history(job, limit);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The breakers of this instance (the webhook breaker, when webhooks are on). */
    public List<CircuitBreaker> breakers() {
        return breaker.stream().toList();
    }

    /**
     * Forces a breaker for every instance; {@link BreakerForce#NONE} clears the override.
     *
     * @throws IllegalArgumentException if this instance has no breaker of that name
     */
    public void force(String name, BreakerForce force) {
        if (breakers().stream().noneMatch(b -> b.name().equals(name))) {
            throw new IllegalArgumentException("no breaker named " + name);
        }
        coordination.breakers().force(name, force);
    }

    public Optional<WebhookDispatcher.Stats> webhookStats() {
        return webhook.map(WebhookDispatcher::stats);
    }

    @Override
    public void close() {
        webhook.ifPresent(WebhookDispatcher::close);
        try {
            coordination.close();
        } finally {
            closeRedis.ifPresent(Runnable::run);
        }
    }
}
