package dev.sessionstore.server;

import java.io.PrintStream;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server prints on the console: on start the URL, where the API key is, which store, warnings; on stop one
 * line. The text is ASCII; a value the console's charset cannot show (a path in a C/POSIX locale) is printed with
 * {@code \}{@code uXXXX} escapes rather than as {@code ?}.
 */
final class Banner {
    /** The line printed when the server is asked to stop. */
    static final String STOPPING = "sessionstore-server: stopping...";

    private Banner() {}

    static void print(PrintStream out, ServerConfig config, SessionServer server) {
        String host =
                config.host().equals("0.0.0.0") || config.host().equals("127.0.0.1") ? "localhost" : config.host();
        List<String> lines = lines(
                "http://" + host + ":" + server.port(),
                server.apiKey().source(),
                server.backend().description(),
                server.backend().warnings());
        CharsetEncoder console = out.charset().newEncoder();
        lines.forEach(line -> out.println(readable(line, console)));
        out.flush();
    }

    /** The start banner for a server at {@code url}. */
    static List<String> lines(String url, String apiKeySource, String store, List<String> warnings) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("sessionstore-server is running");
        lines.add("  URL       " + url + "/          (sign in: " + url + "/login, admin: " + url + "/admin)");
        lines.add("  API key   " + apiKeySource);
        lines.add("  Store     " + store);
        lines.add("  Metrics   " + url + "/metrics   OpenAPI " + url + "/openapi.json");
        warnings.forEach(w -> lines.add("  WARNING   " + w));
        lines.add("Press Ctrl-C to stop.");
        return lines;
    }

    /** {@code text} with each character {@code console} cannot encode written as {@code \}{@code uXXXX}. */
    static String readable(String text, CharsetEncoder console) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (console.canEncode(c)) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
