package dev.sessionstore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Redis CPU per operation of one phase, from the server's own counters.
 *
 * <p>{@link #start} sends {@code CONFIG RESETSTAT} and reads the Redis process's CPU time; {@link #end} reads
 * {@code INFO commandstats} and the CPU time again. Commandstats' {@code usec} of a script command ({@code
 * FCALL} of a library function on Redis 7, {@code EVALSHA}) already includes the commands the script ran, which Redis 6.2 and 7 also list under their own names
 * (checked on 7.0: an {@code EVAL} of 20,000 {@code SET}s shows 31 ms, the {@code SET}s 12 ms of it). So only
 * the commands clients sent are summed: when the phase ran scripts, the script commands (the other commands
 * are theirs, and are reported as "inner calls per operation"); otherwise every command. This assumes a client
 * that uses scripts sends nothing else, which the round-trip count under {@code MONITOR} shows for
 * redis-store (one {@code FCALL}, or {@code EVALSHA} before Redis 7, per operation). The probe's own {@code INFO} and {@code CONFIG} are left
 * out.
 *
 * <p>The process figure is the Redis server's user + system CPU time over the phase: from {@code
 * /proc/<pid>/stat} when the benchmark started that server (USER_HZ = 100, so 10 ms steps), else from {@code
 * INFO cpu}. It includes what commandstats leaves out: reading and parsing requests, writing replies, the event
 * loop and background threads.
 */
final class RedisCost {
    private static final Set<String> SCRIPT_COMMANDS =
            Set.of("eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro");
    private static final Set<String> PROBE_COMMANDS = Set.of("info", "config", "config|resetstat");
    private static final double USER_HZ = 100;

    /**
     * What one phase cost Redis.
     *
     * @param commandMicros commandstats usec of the commands clients sent
     * @param processMicros the Redis process's CPU time, NaN if unknown
     * @param innerCalls calls of each command run inside scripts (empty without scripts)
     */
    record Phase(double commandMicros, double processMicros, Map<String, Double> innerCalls) {}

    private final RedisProbe probe;
    private final OptionalLong pid;
    private double cpuAtStart;

    /** @param pid the Redis server's process id if this benchmark started it (its /proc is readable) */
    RedisCost(RedisProbe probe, OptionalLong pid) {
        this.probe = probe;
        this.pid = pid;
    }

    void start() {
        probe.sync().configResetstat();
        cpuAtStart = processMicros();
    }

    Phase end() {
        double cpu = processMicros() - cpuAtStart;
        return summarize(probe.sync().info("commandstats"), cpu);
    }

    /** Sums a commandstats text as described in the class comment. */
    static Phase summarize(String commandstats, double processMicros) {
        Map<String, long[]> all = parse(commandstats);
        boolean scripts = all.keySet().stream().anyMatch(SCRIPT_COMMANDS::contains);
        double usec = 0;
        Map<String, Double> inner = new TreeMap<>();
        for (var e : all.entrySet()) {
            String name = e.getKey();
            if (PROBE_COMMANDS.contains(name)) {
                continue;
            }
            if (!scripts || SCRIPT_COMMANDS.contains(name)) {
                usec += e.getValue()[1];
            } else {
                inner.put(name, (double) e.getValue()[0]);
            }
        }
        return new Phase(usec, processMicros, inner);
    }

    /** {@code cmdstat_<name>:calls=N,usec=U,...} lines to name → {calls, usec}. */
    static Map<String, long[]> parse(String commandstats) {
        Map<String, long[]> out = new LinkedHashMap<>();
        RedisInfo.parse(commandstats).forEach((k, v) -> {
            if (!k.startsWith("cmdstat_")) {
                return;
            }
            long[] cu = new long[2];
            for (String part : v.split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    switch (part.substring(0, eq)) {
                        case "calls" -> cu[0] = Long.parseLong(part.substring(eq + 1));
                        case "usec" -> cu[1] = Long.parseLong(part.substring(eq + 1));
                        default -> {}
                    }
                }
            }
            out.put(k.substring("cmdstat_".length()), cu);
        });
        return out;
    }

    private double processMicros() {
        if (pid.isPresent()) {
            Optional<Double> fromProc = procStat(Path.of("/proc", Long.toString(pid.getAsLong()), "stat"));
            if (fromProc.isPresent()) {
                return fromProc.get();
            }
        }
        Map<String, String> cpu = RedisInfo.parse(probe.sync().info("cpu"));
        String sys = cpu.get("used_cpu_sys");
        String user = cpu.get("used_cpu_user");
        if (sys == null || user == null) {
            return Double.NaN;
        }
        return (Double.parseDouble(sys) + Double.parseDouble(user)) * 1e6;
    }

    /** utime + stime (fields 14 and 15, in USER_HZ ticks) of a /proc/<pid>/stat file, in microseconds. */
    static Optional<Double> procStat(Path file) {
        try {
            return Optional.of(procStatMicros(Files.readString(file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static double procStatMicros(String stat) {
        // the command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of the whole line
        return ticks / USER_HZ * 1e6;
    }
}
