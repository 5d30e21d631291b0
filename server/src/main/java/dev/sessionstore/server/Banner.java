package dev.sessionstore.server;

import java.io.PrintStream;

/** What the server prints on start: the URL, where the API key is, which store, warnings. */
final class Banner {
    private Banner() {}

    static void print(PrintStream out, ServerConfig config, SessionServer server) {
        String host =
                config.host().equals("0.0.0.0") || config.host().equals("127.0.0.1") ? "localhost" : config.host();
        String url = "http://" + host + ":" + server.port();
        out.println();
        out.println("sessionstore-server is running");
        out.println("  URL       " + url + "/          (sign in: " + url + "/login, admin: " + url + "/admin)");
        out.println("  API key   " + server.apiKey().source());
        out.println("  Store     " + server.backend().description());
        out.println("  Metrics   " + url + "/metrics   OpenAPI " + url + "/openapi.json");
        for (String w : server.backend().warnings()) {
            out.println("  WARNING   " + w);
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
