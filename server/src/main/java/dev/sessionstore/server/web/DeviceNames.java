package dev.sessionstore.server.web;

import dev.sessionstore.JsonValue;
import dev.sessionstore.Session;
import java.util.List;
import java.util.Map;

/** A short human name for a User-Agent: "Chrome on Linux", "Safari on iPhone", "curl". */
public final class DeviceNames {
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("Edg/", "Edge"),
            Map.entry("OPR/", "Opera"),
            Map.entry("HeadlessChrome/", "Headless Chrome"),
            Map.entry("Chrome/", "Chrome"),
            Map.entry("CriOS/", "Chrome"),
            Map.entry("Firefox/", "Firefox"),
            Map.entry("FxiOS/", "Firefox"),
            Map.entry("Safari/", "Safari"),
            Map.entry("curl/", "curl"),
            Map.entry("Java-http-client", "Java HTTP client"),
            Map.entry("python-requests", "Python requests"));
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("iPhone", "iPhone"),
            Map.entry("iPad", "iPad"),
            Map.entry("Android", "Android"),
            Map.entry("CrOS", "ChromeOS"),
            Map.entry("Windows", "Windows"),
            Map.entry("Mac OS X", "macOS"),
            Map.entry("Macintosh", "macOS"),
            Map.entry("Linux", "Linux"));

    private DeviceNames() {}

    /** The device of a session signed in through the pages (its User-Agent attribute), else "API client". */
    public static String of(Session session) {
        return session.attribute(WebPages.ATTR_USER_AGENT)
                .flatMap(JsonValue::asString)
                .filter(ua -> !ua.isEmpty())
                .map(DeviceNames::describe)
                .orElse("API client");
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        String browser = first(BROWSERS, userAgent);
        String system = first(SYSTEMS, userAgent);
        if (browser.isEmpty() && system.isEmpty()) {
            return "Unknown device";
        }
        if (system.isEmpty()) {
            return browser;
        }
        return browser.isEmpty() ? system : browser + " on " + system;
    }

    private static String first(List<Map.Entry<String, String>> table, String ua) {
        for (Map.Entry<String, String> e : table) {
            if (ua.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return "";
    }
}
