package dev.sessionstore.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/** The facts a reader needs to judge a benchmark: machine, JDK, library versions, date, command. */
final class MachineInfo {
    private static final List<String[]> LIBRARIES = List.of(
            new String[] {"Lettuce", "io.lettuce", "lettuce-core"},
            new String[] {"Spring Session Data Redis", "org.springframework.session", "spring-session-data-redis"},
            new String[] {"Spring Data Redis", "org.springframework.data", "spring-data-redis"},
            new String[] {"Hibernate ORM", "org.hibernate.orm", "hibernate-core"},
            new String[] {"PostgreSQL JDBC", "org.postgresql", "postgresql"},
            new String[] {"HikariCP", "com.zaxxer", "HikariCP"},
            new String[] {"JMH", "org.openjdk.jmh", "jmh-core"},
            new String[] {"HdrHistogram", "org.hdrhistogram", "HdrHistogram"});

    private MachineInfo() {}

    /** The machine and JDK, the date and the command, in display order. */
    static Map<String, String> collect(String command) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Date (UTC)", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("Command", "`" + command + "`");
        m.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores (nproc)");
        m.put("RAM", memTotal());
        m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put(
                "JDK",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.vendor") + "), max heap "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        m.put("Load average at start", loadAverage());
        return m;
    }

    /** The versions of the libraries on the class path, as their Maven metadata says. */
    static Map<String, String> libraries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sessionstore", version("dev.sessionstore", "sessionstore-bench"));
        for (String[] lib : LIBRARIES) {
            m.put(lib[0], version(lib[1], lib[2]));
        }
        return m;
    }

    /**
     * The version in the jar's Maven metadata; for jars built without it, the version this module
     * declares ({@code versions.properties}) or the one the library reports itself.
     */
    static String version(String group, String artifact) {
        String version = properties("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")
                .getProperty("version");
        if (version == null) {
            version = properties("versions.properties").getProperty(artifact);
        }
        if (version == null && artifact.equals("hibernate-core")) {
            version = hibernateVersion();
        }
        return version == null ? "?" : version;
    }

    private static Properties properties(String resource) {
        Properties p = new Properties();
        try (InputStream in = MachineInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unknown: the caller falls back
        }
        return p;
    }

    private static @Nullable String hibernateVersion() {
        try {
            return (String) Class.forName("org.hibernate.Version")
                    .getMethod("getVersionString")
                    .invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine skews a benchmark. */
    static String loadAverage() {
        String[] f = firstLine(Path.of("/proc/loadavg"), "? ? ?").split(" ");
        return f.length < 3 ? "?" : f[0] + " " + f[1] + " " + f[2] + " (1, 5, 15 min)";
    }

    private static String cpuModel() {
        return lines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst()
                .orElse(System.getProperty("os.arch"));
    }

    private static String memTotal() {
        return lines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .map(l -> {
                    long kb = Long.parseLong(l.replaceAll("\\D", ""));
                    return "%.1f GiB".formatted(kb / 1024.0 / 1024.0);
                })
                .findFirst()
                .orElse("?");
    }

    private static String firstLine(Path p, String fallback) {
        List<String> lines = lines(p);
        return lines.isEmpty() ? fallback : lines.getFirst();
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            return List.of();
        }
    }
}
