package dev.sessionstore.server.web;

import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.server.http.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The HTML of the login and "Your sessions" pages. */
final class Views {
    private Views() {}

    static String login(String csrf, String user, Optional<String> error) {
        String main = """
                <section class="card narrow">
                <h1>Sign in</h1>
                <p class="muted">Use one of the demo accounts listed in the README.</p>
                %s
                <form method="post" action="/login" class="stack">
                %s
                <label>User name <input name="username" autocomplete="username" required maxlength="128" value="%s" autofocus></label>
                <label>Password <input name="password" type="password" autocomplete="current-password" required maxlength="256"></label>
                <button type="submit" class="primary">Sign in</button>
                </form>
                </section>
                """.formatted(
                        error.map(e -> Html.alert("error", e)).orElse(""), Html.hidden("csrf", csrf), Html.esc(user));
        return Html.page("Sign in", "<a href=\"/admin\">Admin</a>", main);
    }

    static String sessions(String user, List<Session> sessions, SessionId current, String csrf, Instant now) {
        StringBuilder rows = new StringBuilder();
        for (Session s : sessions) {
            rows.append(row(s, s.id().equals(current), csrf, now));
        }
        String main =
                """
                <section class="card">
                <div class="head-row">
                <h1>Your sessions</h1>
                <form method="post" action="/sessions/revoke-others">%s
                <button type="submit" class="danger" %s>Sign out all other sessions</button></form>
                </div>
                <p class="muted">Signed in as <strong>%s</strong>. These are the places where your account is signed in.
                Sign out any you do not recognise.</p>
                <ul class="sessions">
                %s
                </ul>
                </section>
                """.formatted(Html.hidden("csrf", csrf), sessions.size() > 1 ? "" : "disabled", Html.esc(user), rows);
        return Html.page("Your sessions", nav(user, csrf), main);
    }

    static String nav(String user, String csrf) {
        return "<span class=\"who\">" + Html.esc(user) + "</span>"
                + "<form method=\"post\" action=\"/logout\" class=\"inline\">" + Html.hidden("csrf", csrf)
                + "<button type=\"submit\" class=\"link\">Sign out</button></form>";
    }

    private static String row(Session s, boolean current, String csrf, Instant now) {
        String ua =
                s.attribute(WebPages.ATTR_USER_AGENT).flatMap(v -> v.asString()).orElse("");
        String device = DeviceNames.of(s);
        String address =
                s.attribute(WebPages.ATTR_ADDRESS).flatMap(v -> v.asString()).orElse("unknown");
        String action = current
                ? "<span class=\"badge\">This device</span>"
                : "<form method=\"post\" action=\"/sessions/revoke\">" + Html.hidden("csrf", csrf)
                        + Html.hidden("id", s.id().value())
                        + "<button type=\"submit\" class=\"secondary\">Sign out</button></form>";
        return """
                <li class="session%s" data-session-id="%s">
                <div class="device"><span class="icon" aria-hidden="true">%s</span><div>
                <strong>%s</strong>
                <span class="muted">%s</span></div></div>
                <dl>
                <dt>Address</dt><dd>%s</dd>
                <dt>Signed in</dt><dd>%s</dd>
                <dt>Last active</dt><dd title="%s">%s</dd>
                </dl>
                <div class="actions">%s</div>
                </li>
                """.formatted(
                        current ? " current" : "",
                        Html.esc(s.id().value()),
                        icon(device),
                        Html.esc(device),
                        Html.esc(ua.length() > 90 ? ua.substring(0, 90) + "…" : ua),
                        Html.esc(address),
                        Html.time(s.createdAt()),
                        Html.time(s.lastAccessedAt()),
                        current ? "now" : Html.ago(s.lastAccessedAt(), now),
                        action);
    }

    private static final String LAPTOP = "<svg viewBox=\"0 0 24 24\" width=\"28\" height=\"28\" aria-hidden=\"true\">"
            + "<rect x=\"4\" y=\"5\" width=\"16\" height=\"11\" rx=\"1.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.8\"/>"
            + "<path d=\"M2 19h20\" stroke=\"currentColor\" stroke-width=\"1.8\" stroke-linecap=\"round\"/></svg>";
    private static final String PHONE = "<svg viewBox=\"0 0 24 24\" width=\"28\" height=\"28\" aria-hidden=\"true\">"
            + "<rect x=\"7\" y=\"2.5\" width=\"10\" height=\"19\" rx=\"2\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.8\"/>"
            + "<path d=\"M11 18.5h2\" stroke=\"currentColor\" stroke-width=\"1.8\" stroke-linecap=\"round\"/></svg>";
    private static final String SERVER = "<svg viewBox=\"0 0 24 24\" width=\"28\" height=\"28\" aria-hidden=\"true\">"
            + "<rect x=\"4\" y=\"4\" width=\"16\" height=\"7\" rx=\"1.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.8\"/>"
            + "<rect x=\"4\" y=\"13\" width=\"16\" height=\"7\" rx=\"1.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.8\"/></svg>";

    private static String icon(String device) {
        if (device.contains("iPhone") || device.contains("Android")) {
            return PHONE;
        }
        return device.equals("API client") ? SERVER : LAPTOP;
    }

    static String error(Problem p) {
        String main = """
                <section class="card narrow">
                <h1>%s</h1>
                <p>%s</p>
                <p><a href="/">Back to the start page</a></p>
                </section>
                """.formatted(Html.esc(p.status() + " · " + p.title()), Html.esc(p.detail()));
        return Html.page(p.title(), "", main);
    }
}
