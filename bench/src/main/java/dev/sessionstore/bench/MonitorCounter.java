package dev.sessionstore.bench;

import io.lettuce.core.RedisURI;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the commands clients send to a Redis server, through {@code MONITOR}: commands a Lua script
 * runs are shown as {@code [0 lua]} and are not counted, so one script call counts as one round trip
 * (unlike {@code INFO commandstats}, which also counts the commands inside scripts). Used only in a
 * separate, single-threaded pass: MONITOR slows the server.
 */
final class MonitorCounter implements AutoCloseable {
    private static final String MARKER = "sessionstore-bench-marker-";

    private final Socket socket;
    private final BufferedReader reader;
    private final RedisProbe probe;
    private final AtomicLong marker = new AtomicLong();
    private long count;

    MonitorCounter(RedisProbe probe) {
        this.probe = probe;
        RedisURI uri = RedisURI.create(probe.uri());
        try {
            socket = new Socket(uri.getHost(), uri.getPort());
            OutputStream out = socket.getOutputStream();
            out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String ok = reader.readLine();
            if (!"+OK".equals(ok)) {
                throw new IllegalStateException("MONITOR answered " + ok);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot MONITOR " + probe.uri(), e);
        }
    }

    /** Client commands seen since the last call, up to a marker sent now; the marker is not counted. */
    long drain() {
        String tag = MARKER + marker.incrementAndGet();
        probe.sync().echo(tag);
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.contains(tag)) {
                    long n = count;
                    count = 0;
                    return n;
                }
                if (RedisInfo.isClientCommand(line)) {
                    count++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("MONITOR connection failed", e);
        }
        throw new IllegalStateException("MONITOR connection closed");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
    }
}
