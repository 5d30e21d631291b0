package dev.sessionstore.server.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The page frame and formatting helpers; every dynamic value goes through {@link #esc}. */
public final class Html {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Html() {}

    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    public static String time(Instant t) {
        return TIME.format(t);
    }

    public static String ago(Instant t, Instant now) {
        Duration d = Duration.between(t, now);
        if (d.toSeconds() < 60) {
            return "just now";
        }
        if (d.toMinutes() < 60) {
            return d.toMinutes() + " min ago";
        }
        if (d.toHours() < 24) {
            return d.toHours() + " h ago";
        }
        return d.toDays() + " days ago";
    }

    /** The page frame: header with the product name and, when signed in, the user and a sign-out button. */
    public static String page(String title, String nav, String main) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · sessionstore</title>
                <link rel="stylesheet" href="/static/app.css">
                </head>
                <body>
                <header class="top"><div class="wrap">
                <a class="brand" href="/"><span class="logo" aria-hidden="true">◆</span> sessionstore</a>
                <nav>%s</nav>
                </div></header>
                <main class="wrap">
                %s
                </main>
                <footer class="wrap foot">sessionstore · sessions on Redis</footer>
                </body>
                </html>
                """.formatted(esc(title), nav, main);
    }

    public static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
    }

    public static String alert(String kind, String message) {
        return "<p class=\"alert " + kind + "\" role=\"alert\">" + esc(message) + "</p>";
    }
}
