package dev.sessionstore.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Watches a Redis server with {@code MONITOR}: the commands clients sent ({@link #commandsSince()}) or every
 * line, commands run inside scripts ({@code [0 lua]}) included ({@link #linesSince()}).
 */
final class MonitorTap implements AutoCloseable {
    private final int port;
    private final Socket monitor;
    private final BufferedReader lines;

    MonitorTap(int port) {
        this.port = port;
        try {
            monitor = new Socket("127.0.0.1", port);
            monitor.setSoTimeout(5000);
            send(monitor, "MONITOR");
            lines = new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8));
            if (!lines.readLine().startsWith("+OK")) {
                throw new IllegalStateException("MONITOR refused");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commandsSince();
    }

    /** The client commands (their names, lower case) received since the last call. */
    List<String> commandsSince() {
        return linesSince().stream()
                .filter(line -> !line.contains(" lua] "))
                .map(MonitorTap::commandName)
                .toList();
    }

    /** Every MONITOR line since the last call, commands run inside scripts ({@code [0 lua]}) included. */
    List<String> linesSince() {
        String marker = "mark-" + UUID.randomUUID();
        try (Socket probe = new Socket("127.0.0.1", port)) {
            send(probe, "ECHO " + marker);
            probe.getInputStream().read();
            List<String> seen = new ArrayList<>();
            for (String line = lines.readLine(); !line.contains(marker); line = lines.readLine()) {
                seen.add(line);
            }
            return seen;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String commandName(String line) {
        int start = line.indexOf("] \"") + 3;
        return line.substring(start, line.indexOf('"', start)).toLowerCase(java.util.Locale.ROOT);
    }

    private static void send(Socket s, String inline) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
