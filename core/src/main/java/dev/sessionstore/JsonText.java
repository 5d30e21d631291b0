package dev.sessionstore;

/** A strict RFC 8259 parser that validates JSON text and rewrites it compactly. Package-private. */
final class JsonText {
    record Result(String json, JsonValue.Kind kind, int depth) {}

    private final String in;
    private final int maxDepth;
    private final StringBuilder out;
    private int pos;
    private int maxSeen;

    private JsonText(String in, int maxDepth) {
        this.in = in;
        this.maxDepth = maxDepth;
        this.out = new StringBuilder(in.length());
    }

    static Result compact(String text, int maxDepth) {
        JsonText p = new JsonText(text, maxDepth);
        p.skipWs();
        JsonValue.Kind kind = p.value(0);
        p.skipWs();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the value");
        }
        return new Result(p.out.toString(), kind, p.maxSeen);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            appendEscaped(b, s, i);
        }
        return b.append('"').toString();
    }

    static String unquote(String json) {
        JsonText p = new JsonText(json, 1);
        p.pos = 1;
        StringBuilder raw = new StringBuilder();
        while (json.charAt(p.pos) != '"') {
            char c = json.charAt(p.pos++);
            raw.append(c == '\\' ? p.escape() : c);
        }
        return raw.toString();
    }

    private JsonValue.Kind value(int depth) {
        if (pos >= in.length()) {
            throw error("unexpected end of input");
        }
        char c = in.charAt(pos);
        switch (c) {
            case '{' -> {
                object(depth + 1);
                return JsonValue.Kind.OBJECT;
            }
            case '[' -> {
                array(depth + 1);
                return JsonValue.Kind.ARRAY;
            }
            case '"' -> {
                string();
                return JsonValue.Kind.STRING;
            }
            case 't' -> {
                literal("true");
                return JsonValue.Kind.BOOLEAN;
            }
            case 'f' -> {
                literal("false");
                return JsonValue.Kind.BOOLEAN;
            }
            case 'n' -> {
                literal("null");
                return JsonValue.Kind.NULL;
            }
            default -> {
                number();
                return JsonValue.Kind.NUMBER;
            }
        }
    }

    private void enter(int depth) {
        if (depth > maxDepth) {
            throw error("nesting deeper than " + maxDepth);
        }
        maxSeen = Math.max(maxSeen, depth);
    }

    private void object(int depth) {
        enter(depth);
        pos++;
        out.append('{');
        skipWs();
        if (peek() == '}') {
            pos++;
            out.append('}');
            return;
        }
        while (true) {
            skipWs();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            string();
            skipWs();
            expect(':');
            out.append(':');
            skipWs();
            value(depth);
            skipWs();
            char c = next();
            if (c == '}') {
                out.append('}');
                return;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
            out.append(',');
        }
    }

    private void array(int depth) {
        enter(depth);
        pos++;
        out.append('[');
        skipWs();
        if (peek() == ']') {
            pos++;
            out.append(']');
            return;
        }
        while (true) {
            skipWs();
            value(depth);
            skipWs();
            char c = next();
            if (c == ']') {
                out.append(']');
                return;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
            out.append(',');
        }
    }

    private void string() {
        pos++;
        StringBuilder raw = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            raw.append(c == '\\' ? escape() : c);
        }
        out.append('"');
        for (int i = 0; i < raw.length(); i++) {
            appendEscaped(out, raw, i);
        }
        out.append('"');
    }

    private char escape() {
        char e = next();
        return switch (e) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (pos + 4 > in.length()) {
                    throw error("truncated \\u escape");
                }
                int cp = 0;
                for (int i = 0; i < 4; i++) {
                    int d = hexDigit(in.charAt(pos++));
                    if (d < 0) {
                        throw error("bad \\u escape");
                    }
                    cp = cp * 16 + d;
                }
                yield (char) cp;
            }
            default -> throw error("bad escape");
        };
    }

    /** The value of an ASCII hex digit, or -1; {@link Character#digit} would also take non-ASCII digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static void appendEscaped(StringBuilder b, CharSequence s, int i) {
        char c = s.charAt(i);
        switch (c) {
            case '"' -> b.append("\\\"");
            case '\\' -> b.append("\\\\");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> {
                boolean loneSurrogate = Character.isHighSurrogate(c)
                                && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))
                        || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || loneSurrogate) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
    }

    private void number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("unexpected character");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        out.append(in, start, pos);
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!in.startsWith(word, pos)) {
            throw error("unexpected character");
        }
        pos += word.length();
        out.append(word);
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private char peek() {
        return pos < in.length() ? in.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= in.length()) {
            throw error("unexpected end of input");
        }
        return in.charAt(pos++);
    }

    private void skipWs() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("malformed JSON at offset " + pos + ": " + what);
    }
}
