package dev.sessionstore.server.admin;

import dev.sessionstore.coordination.BreakerState;
import dev.sessionstore.coordination.CircuitBreaker;
import dev.sessionstore.coordination.JobRun;
import dev.sessionstore.server.jobs.ServerCoordination;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The admin page's coordination part: recent job runs, breaker states, the force form. HTML-escaped throughout. */
final class CoordinationSection {
    /** Runs shown per job. */
    static final int RUNS = 10;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private CoordinationSection() {}

    /**
     * @param csrfField the hidden CSRF input of the admin forms, already HTML
     * @param formAction where the force form posts
     */
    static String html(ServerCoordination c, String csrfField, String formAction) {
        StringBuilder out = new StringBuilder("<section class=\"card\" id=\"coordination\">\n<h2>Scheduled jobs</h2>\n")
                .append(
                        "<p class=\"muted small\">Each slot runs on exactly one instance of the cluster. This instance: <code>")
                .append(esc(c.instanceId()))
                .append("</code>.</p>\n");
        for (String job : c.jobs()) {
            out.append("<h3>").append(esc(job)).append("</h3>\n").append(runs(job, c.history(job, RUNS)));
        }
        out.append("</section>\n<section class=\"card\" id=\"breakers\">\n<h2>Circuit breakers</h2>\n")
                .append(breakers(c.breakers(), csrfField, formAction))
                .append(webhook(c))
                .append("</section>\n");
        return out.toString();
    }

    private static String runs(String job, List<JobRun> runs) {
        if (runs.isEmpty()) {
            return "<p class=\"muted\">No runs yet.</p>\n";
        }
        StringBuilder rows = new StringBuilder();
        for (JobRun r : runs) {
            rows.append("<tr><td>")
                    .append(TIME.format(r.slot()))
                    .append("</td><td><code>")
                    .append(esc(r.instance()))
                    .append("</code></td><td>")
                    .append(TIME.format(r.started()))
                    .append("</td><td>")
                    .append(TIME.format(r.finished()))
                    .append("</td><td class=\"outcome\">")
                    .append(r.outcome())
                    .append("</td><td>")
                    .append(r.fence())
                    .append("</td></tr>\n");
        }
        return "<div class=\"scroll\"><table class=\"runs\" data-job=\"" + esc(job) + "\">\n"
                + "<thead><tr><th>Slot (UTC)</th><th>Instance</th><th>Start</th><th>End</th><th>Outcome</th>"
                + "<th>Fence</th></tr></thead>\n<tbody>\n" + rows + "</tbody></table></div>\n";
    }

    private static String breakers(List<CircuitBreaker> breakers, String csrfField, String formAction) {
        if (breakers.isEmpty()) {
            return "<p class=\"muted\">No breaker: webhooks are disabled (<code>--webhook-url</code>).</p>\n";
        }
        StringBuilder rows = new StringBuilder();
        for (CircuitBreaker b : breakers) {
            rows.append("<tr><td><code>")
                    .append(esc(b.name()))
                    .append("</code></td><td class=\"breaker-state\" data-breaker=\"")
                    .append(esc(b.name()))
                    .append("\">")
                    .append(describe(b.state()))
                    .append("</td><td>")
                    .append(b.isLocalFallback() ? "local fallback (Redis unreachable)" : "shared")
                    .append("</td><td>")
                    .append(forceForm(b.name(), csrfField, formAction))
                    .append("</td></tr>\n");
        }
        return "<div class=\"scroll\"><table>\n<thead><tr><th>Breaker</th><th>State</th><th>Sharing</th>"
                + "<th>Force for all instances</th></tr></thead>\n<tbody>\n" + rows + "</tbody></table></div>\n";
    }

    private static String forceForm(String name, String csrfField, String formAction) {
        return "<form method=\"post\" action=\"" + esc(formAction) + "\" class=\"row\">" + csrfField
                + "<input type=\"hidden\" name=\"breaker\" value=\"" + esc(name) + "\">"
                + "<button type=\"submit\" name=\"force\" value=\"open\" class=\"secondary\">Force open</button>"
                + "<button type=\"submit\" name=\"force\" value=\"closed\" class=\"secondary\">Force closed</button>"
                + "<button type=\"submit\" name=\"force\" value=\"clear\" class=\"secondary\">Clear</button></form>";
    }

    private static String webhook(ServerCoordination c) {
        return c.webhookStats()
                .map(s -> "<p class=\"muted small\" id=\"webhook-stats\">Webhook: " + s.delivered() + " delivered, "
                        + s.queued() + " queued, " + s.dropped() + " dropped (queue full), " + s.givenUp()
                        + " given up, " + s.failedAttempts() + " failed attempts, " + s.refusedAttempts()
                        + " attempts refused by the breaker (this instance).</p>\n")
                .orElse("");
    }

    /** A breaker state for people. */
    static String describe(BreakerState state) {
        return switch (state) {
            case CLOSED -> "closed";
            case OPEN -> "open";
            case HALF_OPEN -> "half-open";
            case FORCED_OPEN -> "forced open";
            case FORCED_CLOSED -> "forced closed";
        };
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch < 0x20 ? '\uFFFD' : ch);
            }
        }
        return b.toString();
    }
}
