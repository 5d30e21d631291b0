package dev.sessionstore.sample;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages: home, and "Your sessions" — the user's sessions as the repository lists them (keyed by listing ids,
 * which are not credentials), this browser marked, sign out one or all others.
 */
@Controller
class Pages {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    Pages(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String home(Principal user, CsrfToken csrf) {
        return page(
                "Home",
                "<h1>Signed in as <span id=\"user\">" + escape(user.getName()) + "</span></h1>\n"
                        + "<p><a id=\"your-sessions\" href=\"/sessions\">Your sessions</a></p>\n"
                        + logout(csrf));
    }

    @GetMapping(path = "/sessions", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String sessions(Principal user, HttpSession current, CsrfToken csrf) {
        Object thisDevice = current.getAttribute(SecurityConfig.DEVICE_ID);
        StringBuilder rows = new StringBuilder();
        List<? extends Map.Entry<String, ? extends Session>> listed = listed(user).entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getValue().getCreationTime()))
                .toList();
        for (Map.Entry<String, ? extends Session> entry : listed) {
            Session session = entry.getValue();
            boolean mine = thisDevice != null && thisDevice.equals(session.getAttribute(SecurityConfig.DEVICE_ID));
            Object device = session.getAttribute(SecurityConfig.DEVICE);
            rows.append("<tr class=\"session")
                    .append(mine ? " this-device" : "")
                    .append("\">")
                    .append("<td>")
                    .append(escape(device == null ? "unknown" : device.toString()))
                    .append(mine ? " <strong>(this device)</strong>" : "")
                    .append("</td>")
                    .append("<td>")
                    .append(TIME.format(session.getCreationTime()))
                    .append("</td>")
                    .append("<td>")
                    .append(TIME.format(session.getLastAccessedTime()))
                    .append("</td>")
                    .append("<td>")
                    .append(mine ? "" : form("/sessions/" + escape(entry.getKey()) + "/revoke", "Sign out", csrf))
                    .append("</td></tr>\n");
        }
        return page(
                "Your sessions",
                "<h1>Your sessions, " + escape(user.getName()) + "</h1>\n"
                        + "<p>At most " + SecurityConfig.MAX_SESSIONS
                        + " at a time: signing in once more signs the oldest out.</p>\n"
                        + "<table><thead><tr><th>Device</th><th>Signed in</th><th>Last seen</th><th></th></tr>"
                        + "</thead>\n<tbody>\n" + rows + "</tbody></table>\n"
                        + form("/sessions/revoke-others", "Sign out all other sessions", csrf)
                        + "<p><a href=\"/\">Home</a></p>\n"
                        + logout(csrf));
    }

    /** Signs out one of the user's own sessions, named by its listing id; another user's id is not found. */
    @PostMapping("/sessions/{id}/revoke")
    String revoke(@PathVariable("id") String id, Principal user) {
        if (!listed(user).containsKey(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such session of yours");
        }
        sessions.deleteById(id);
        return "redirect:/sessions";
    }

    @PostMapping("/sessions/revoke-others")
    String revokeOthers(Principal user, HttpSession current) {
        Object thisDevice = current.getAttribute(SecurityConfig.DEVICE_ID);
        listed(user).forEach((id, session) -> {
            if (thisDevice == null || !thisDevice.equals(session.getAttribute(SecurityConfig.DEVICE_ID))) {
                sessions.deleteById(id);
            }
        });
        return "redirect:/sessions";
    }

    private Map<String, ? extends Session> listed(Principal user) {
        return sessions.findByPrincipalName(user.getName());
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    private static String form(String action, String label, CsrfToken csrf) {
        return "<form method=\"post\" action=\"" + action + "\">" + csrfField(csrf) + "<button type=\"submit\">"
                + escape(label) + "</button></form>\n";
    }

    private static String logout(CsrfToken csrf) {
        return "<form method=\"post\" action=\"/logout\">" + csrfField(csrf)
                + "<button id=\"logout\" type=\"submit\">Sign out</button></form>\n";
    }

    private static String csrfField(CsrfToken csrf) {
        return "<input type=\"hidden\" name=\"" + escape(csrf.getParameterName()) + "\" value=\""
                + escape(csrf.getToken()) + "\">";
    }

    private static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · sessionstore sample</title><style>"
                + "body{font:16px system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}"
                + "table{border-collapse:collapse;width:100%;margin:1rem 0}"
                + "th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ddd;vertical-align:top}"
                + "tr.this-device{background:#eef6ff}form{display:inline;margin-right:.5rem}"
                + "button{font:inherit;padding:.3rem .8rem;cursor:pointer}</style></head>\n<body>\n"
                + body + "</body></html>\n";
    }
}
