package dev.sessionstore.server;

import java.util.List;
import java.util.Random;

/** Generators of hostile input for the fuzz test: JSON bodies, header values, paths, raw HTTP framing. */
final class MalformedInput {
    private static final String[] FIELDS = {
        "userId", "attributes", "indexes", "idleTimeoutSeconds", "absoluteTimeoutSeconds"
    };
    private static final String[] SCALARS = {
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1e999999",
        "-1e-999999",
        "123456789012345678901234567890",
        "9223372036854775808",
        "-9223372036854775809",
        "1.7976931348623157e309",
        "NaN",
        "Infinity",
        "0x10",
        "\"\"",
        "\"\\ud800\"",
        "\"\\u0000\"",
        "\"\u0001\u001f\"",
        "\"é中𝄞\"",
        "\"\\\"\"",
        "01",
        "+1",
        ".5",
        "1.",
        "[]",
        "{}"
    };
    private final Random random;

    MalformedInput(long seed) {
        this.random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    String scalar() {
        return SCALARS[random.nextInt(SCALARS.length)];
    }

    /** A JSON-ish body: malformed, deep, huge, or well-formed with wrong types and absurd values. */
    String body() {
        return switch (random.nextInt(10)) {
            case 0 -> truncated(validish());
            case 1 -> "[".repeat(1 + random.nextInt(5000)) + "]".repeat(random.nextInt(3));
            case 2 ->
                "{\"attributes\":{\"d\":" + "{\"a\":".repeat(1 + random.nextInt(200)) + "1"
                        + "}".repeat(random.nextInt(202)) + "}}";
            case 3 -> "{\"attributes\":{\"s\":\"" + "x".repeat(random.nextInt(80_000)) + "\"}}";
            case 4 -> randomText(1 + random.nextInt(300));
            case 5 -> "{\"" + FIELDS[random.nextInt(FIELDS.length)] + "\":" + scalar() + "}";
            case 6 ->
                "{\"attributes\":{" + "\"k" + random.nextInt(9) + "\":" + scalar() + ",".repeat(random.nextInt(2))
                        + "\"k\":" + scalar() + "}}";
            case 7 ->
                "{\"indexes\":{\"" + randomText(1 + random.nextInt(40)).replace("\"", "") + "\":" + scalar() + "}}";
            case 8 ->
                "{\"userId\":\"" + "u".repeat(random.nextInt(5000)) + "\",\"idleTimeoutSeconds\":" + scalar() + "}";
            default -> validish() + randomText(random.nextInt(5));
        };
    }

    private String validish() {
        return "{\"userId\":\"u" + random.nextInt(50) + "\",\"attributes\":{\"a\":" + scalar()
                + "},\"indexes\":{\"t\":\"x\"}}";
    }

    private String truncated(String s) {
        return s.substring(0, random.nextInt(s.length()));
    }

    /** Any code points, including control characters, lone surrogates and non-BMP characters. */
    String randomText(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0 -> b.append((char) random.nextInt(0x20));
                case 1 -> b.append((char) (0xD800 + random.nextInt(0x800)));
                case 2 -> b.appendCodePoint(0x10000 + random.nextInt(0xFFFF));
                case 3 -> b.append("{}[]\",:\\".charAt(random.nextInt(8)));
                default -> b.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return b.toString();
    }

    /** A header value the JDK client will send: visible ASCII and spaces. */
    String asciiHeaderValue() {
        int length = random.nextInt(10) == 0 ? random.nextInt(4000) : random.nextInt(80);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return b.toString();
    }

    /** A path segment: percent-encoded junk, traversal, very long, or encoded unicode. */
    String pathSegment() {
        return switch (random.nextInt(6)) {
            case 0 -> "..";
            case 1 -> "%00";
            case 2 -> "%2F%2e%2e%2F";
            case 3 -> "a".repeat(random.nextInt(3000));
            case 4 ->
                java.net.URLEncoder.encode(randomText(1 + random.nextInt(20)), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
            default -> "%" + Integer.toHexString(random.nextInt(256)) + "%zz";
        };
    }

    /** A raw HTTP/1.1 request with broken framing or header injection. */
    String rawRequest(String apiKey) {
        String auth = "Authorization: Bearer " + apiKey + "\r\n";
        String token = "sst_00" + "A".repeat(43);
        return switch (random.nextInt(10)) {
            case 0 ->
                "GET /v1/session HTTP/1.1\r\nHost: x\r\n" + auth + "Session-Token: " + token
                        + "\r\nX-Injected: a\rb\r\n\r\n";
            case 1 ->
                "GET /v1/session HTTP/1.1\r\nHost: x\r\n" + auth + "Session-Token: " + token
                        + "\r\nSet-Cookie: x\r\n\r\n\r\nGET / HTTP/1.1\r\n\r\n";
            case 2 ->
                "POST /v1/sessions HTTP/1.1\r\nHost: x\r\n" + auth
                        + "Content-Type: application/json\r\nContent-Length: "
                        + pick(List.of("-1", "abc", "99999999999999999999", "10, 20", "")) + "\r\n\r\n{}";
            case 3 ->
                "POST /v1/sessions HTTP/1.1\r\nHost: x\r\n" + auth
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + pick(List.of(
                                "zz\r\n{}\r\n0\r\n\r\n", "FFFFFFFFFFFFFFFF\r\n{}\r\n", "2\r\n{}\r\n", "-1\r\n\r\n"));
            case 4 ->
                pick(List.of(
                        "GET\r\n\r\n",
                        "GET /\r\n\r\n",
                        "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
                        " / HTTP/1.1\r\n\r\n",
                        "GET /v1/session HTTP/1.1\nHost: x\n\n",
                        "\u0000\u0001\u0002\r\n\r\n"));
            case 5 ->
                "GET /v1/session HTTP/1.1\r\nHost: x\r\n" + auth + "Session-Token: "
                        + randomText(1 + random.nextInt(60)).replace("\r", "").replace("\n", "") + "\r\n\r\n";
            case 6 -> "GET /v1/session HTTP/1.1\r\nHost: x\r\n" + auth + "Session-Token\r\nNoColonHeader\r\n\r\n";
            case 7 -> "GET /v1/session HTTP/1.1\r\nHost: x\r\n" + auth + "X-Fold: a\r\n  folded\r\n\r\n";
            case 8 ->
                "GET /v1/users/"
                        + randomText(1 + random.nextInt(30))
                                .replace("\r", "")
                                .replace("\n", "")
                                .replace(" ", "") + "/sessions HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n";
            default ->
                pick(List.of("TRACE", "CONNECT", "PUT", "FOO", "G\u00c9T")) + " /v1/session HTTP/1.1\r\nHost: x\r\n"
                        + auth + "\r\n";
        };
    }
}
