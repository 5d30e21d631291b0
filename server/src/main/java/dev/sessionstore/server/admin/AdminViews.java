package dev.sessionstore.server.admin;

import dev.sessionstore.Session;
import dev.sessionstore.server.jobs.StoreStats;
import dev.sessionstore.server.web.DeviceNames;
import dev.sessionstore.server.web.Html;
import dev.sessionstore.server.web.WebPages;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The HTML of the admin page. */
final class AdminViews {
    private AdminViews() {}

    static String login(String csrf, Optional<String> error) {
        String main = """
                <section class="card narrow">
                <h1>Admin</h1>
                <p class="muted">Enter the API key. It was printed when the server started, and is kept in
                <code>&lt;data-dir&gt;/api-key</code> unless set with <code>--api-key</code>.</p>
                %s
                <form method="post" action="/admin/login" class="stack">%s
                <label>API key <input name="apiKey" type="password" autocomplete="off" required maxlength="256"></label>
                <button type="submit" class="primary">Open the admin page</button>
                </form>
                </section>
                """.formatted(error.map(e -> Html.alert("error", e)).orElse(""), Html.hidden("csrf", csrf));
        return Html.page("Admin", "<a href=\"/login\">Sign in</a>", main);
    }

    static String page(
            StoreFacts f,
            Optional<StoreStats> stats,
            Optional<String> user,
            List<Session> sessions,
            String csrf,
            String coordination,
            Instant now) {
        OptionalLong live = stats.map(StoreStats::liveSessions).orElse(OptionalLong.empty());
        OptionalLong perSessionBytes = stats.map(StoreStats::bytesPerSession).orElse(OptionalLong.empty());
        OptionalLong dataset = stats.map(StoreStats::datasetBytes).orElse(OptionalLong.empty());
        OptionalLong datasetPerLive =
                stats.map(StoreStats::datasetBytesPerLiveSession).orElse(OptionalLong.empty());
        String perSession = perSessionBytes.isPresent() ? bytes(perSessionBytes.getAsLong()) : "—";
        String datasetPerSession = datasetPerLive.isPresent() ? bytes(datasetPerLive.getAsLong()) : "—";
        String measured = stats.map(
                        st -> "Measured " + Html.ago(st.measuredAt(), now) + " (" + Html.time(st.measuredAt())
                                + ") by the cluster-wide statistics job on instance " + st.instance() + ".")
                .orElse("Not measured yet: the statistics job has not run.");
        StringBuilder warnings = new StringBuilder();
        f.warnings().forEach(w -> warnings.append(Html.alert("warn", w)));
        String main = """
                <section class="card">
                <div class="head-row"><h1>Admin</h1>
                <form method="post" action="/admin/logout">%s<button type="submit" class="secondary">Close admin</button></form></div>
                %s
                <div class="stats">
                <div class="stat"><span class="label">Live sessions</span><span class="value" id="live-sessions">%s</span></div>
                <div class="stat"><span class="label">Memory per session</span><span class="value">%s</span></div>
                <div class="stat"><span class="label">Redis dataset</span><span class="value">%s</span>
                <span class="label">%s per live session</span></div>
                </div>
                <dl class="facts">
                <dt>Store</dt><dd>%s</dd>
                <dt>Persistence</dt><dd id="persistence">%s</dd>
                </dl>
                <p class="muted small" id="stats-measured">%s</p>
                <p class="muted small">Memory per session is <code>MEMORY USAGE</code> summed over the store's keys
                (session hashes and their share of the user and index sorted sets), divided by the sessions found.
                The dataset figure is <code>INFO memory</code> <code>used_memory_dataset</code>, which also holds
                Redis's fixed costs, divided by the live sessions.</p>
                </section>
                <section class="card">
                <h2>A user's sessions</h2>
                <form method="get" action="/admin" class="row">
                <label class="grow">User <input name="user" value="%s" maxlength="256" placeholder="alice"></label>
                <button type="submit" class="primary">Show</button>
                </form>
                %s
                </section>
                %s
                """.formatted(
                        Html.hidden("csrf", csrf),
                        warnings,
                        live.isPresent()
                                ? Long.toString(live.getAsLong())
                                : stats.isPresent() ? "not counted by this store" : "not measured yet",
                        perSession,
                        dataset.isPresent() ? bytes(dataset.getAsLong()) : "—",
                        datasetPerSession,
                        Html.esc(f.description()),
                        Html.esc(f.persistence().get()),
                        Html.esc(measured),
                        Html.esc(user.orElse("")),
                        user.map(u -> table(u, sessions, now)).orElse(""),
                        coordination);
        return Html.page("Admin", "<a href=\"/login\">Sign in</a>", main);
    }

    private static String table(String user, List<Session> sessions, Instant now) {
        if (sessions.isEmpty()) {
            return "<p class=\"muted\">No live sessions for <strong>" + Html.esc(user) + "</strong>.</p>";
        }
        StringBuilder rows = new StringBuilder();
        for (Session s : sessions) {
            rows.append("<tr><td><code>")
                    .append(Html.esc(s.id().value()))
                    .append("</code></td><td>")
                    .append(Html.esc(DeviceNames.of(s)))
                    .append("</td><td>")
                    .append(Html.esc(s.attribute(WebPages.ATTR_ADDRESS)
                            .flatMap(v -> v.asString())
                            .orElse("—")))
                    .append("</td><td>")
                    .append(Html.time(s.createdAt()))
                    .append("</td><td>")
                    .append(Html.ago(s.lastAccessedAt(), now))
                    .append("</td><td>")
                    .append(Html.time(s.expiresAt()))
                    .append("</td></tr>");
        }
        return """
                <div class="scroll"><table>
                <thead><tr><th>Id</th><th>Device</th><th>Address</th><th>Created</th><th>Last active</th><th>Expires</th></tr></thead>
                <tbody>%s</tbody>
                </table></div>
                """.formatted(rows);
    }

    private static String bytes(long n) {
        if (n < 10 * 1024) {
            return n + " B";
        }
        if (n < 10L * 1024 * 1024) {
            return (n / 1024) + " KiB";
        }
        return (n / (1024 * 1024)) + " MiB";
    }
}
