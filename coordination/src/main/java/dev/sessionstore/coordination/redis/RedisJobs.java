package dev.sessionstore.coordination.redis;

import dev.sessionstore.coordination.JobRun;
import dev.sessionstore.coordination.RunOutcome;
import dev.sessionstore.coordination.internal.JobBackend;
import dev.sessionstore.redis.support.LuaScript;
import dev.sessionstore.redis.support.RedisCalls;
import dev.sessionstore.redis.support.ScriptCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Jobs in Redis. A claim is {@code <p>:job:{<job>}:slot:<epoch ms>} = instance, SET NX with a PX TTL
 * (the claim retention), in one script that also raises {@code <p>:job:{<job>}:latest} (the latest
 * claimed slot, epoch ms). History is the list {@code <p>:job:{<job>}:runs}, LPUSH + LTRIM, entries
 * {@code slot|instance|started|finished|outcome|fence} with times in epoch ms.
 */
final class RedisJobs implements JobBackend {
    /**
     * KEYS: the slot's claim, the latest claimed slot. ARGV: instance, retention ms, slot epoch ms, '1' to claim
     * only a slot later than the latest. Replies 1 if claimed, else 0.
     */
    record Claim(
            String claim, String latest, String instance, long retentionMillis, long slotMillis, boolean onlyIfLatest)
            implements ScriptCall<Long> {
        static final LuaScript<Long> SCRIPT = LuaScript.integer("CLAIM", """
                local last = tonumber(redis.call('GET', KEYS[2]) or '-1')
                local slot = tonumber(ARGV[3])
                if ARGV[4] == '1' and last >= slot then return 0 end
                if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
                if slot > last then redis.call('SET', KEYS[2], ARGV[3]) end
                return 1
                """);

        @Override
        public LuaScript<Long> script() {
            return SCRIPT;
        }

        @Override
        public String[] keys() {
            return new String[] {claim, latest};
        }

        @Override
        public String[] args() {
            return new String[] {
                instance, Long.toString(retentionMillis), Long.toString(slotMillis), onlyIfLatest ? "1" : "0"
            };
        }
    }

    /** KEYS: the run history list. ARGV: the entry, the longest history kept. Replies 1. */
    record RecordRun(String runs, String entry, int maxLength) implements ScriptCall<Long> {
        static final LuaScript<Long> SCRIPT = LuaScript.integer("RECORD", """
                redis.call('LPUSH', KEYS[1], ARGV[1])
                redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
                return 1
                """);

        @Override
        public LuaScript<Long> script() {
            return SCRIPT;
        }

        @Override
        public String[] keys() {
            return new String[] {runs};
        }

        @Override
        public String[] args() {
            return new String[] {entry, Integer.toString(maxLength)};
        }
    }

    private final RedisCalls redis;
    private final String prefix;

    RedisJobs(RedisCalls redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    private String key(String job) {
        return prefix + ":job:{" + job + "}";
    }

    @Override
    public boolean claim(String job, Instant slot, String instance, Duration retention, boolean onlyIfLatest) {
        long ms = slot.toEpochMilli();
        Claim claim = new Claim(
                key(job) + ":slot:" + ms, key(job) + ":latest", instance, retention.toMillis(), ms, onlyIfLatest);
        return redis.run(claim) == 1;
    }

    @Override
    public Optional<Instant> latestClaimed(String job) {
        String v = redis.call(c -> c.get(key(job) + ":latest"));
        return Optional.ofNullable(v).map(ms -> Instant.ofEpochMilli(Long.parseLong(ms)));
    }

    @Override
    public void record(JobRun run, int maxLength) {
        String entry = String.join(
                "|",
                Long.toString(run.slot().toEpochMilli()),
                run.instance(),
                Long.toString(run.started().toEpochMilli()),
                Long.toString(run.finished().toEpochMilli()),
                run.outcome().name(),
                Long.toString(run.fence()));
        redis.run(new RecordRun(key(run.job()) + ":runs", entry, maxLength));
    }

    @Override
    public List<JobRun> history(String job, int limit) {
        List<String> entries = redis.call(c -> c.lrange(key(job) + ":runs", 0, limit - 1));
        return entries.stream().map(e -> parse(job, e)).toList();
    }

    private static JobRun parse(String job, String entry) {
        String[] f = entry.split("\\|", -1);
        return new JobRun(
                job,
                Instant.ofEpochMilli(Long.parseLong(f[0])),
                f[1],
                Instant.ofEpochMilli(Long.parseLong(f[2])),
                Instant.ofEpochMilli(Long.parseLong(f[3])),
                RunOutcome.valueOf(f[4]),
                Long.parseLong(f[5]));
    }
}
