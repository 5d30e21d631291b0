package dev.sessionstore.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses the text of Redis {@code INFO}: {@code name:value} lines, {@code #} section headers. */
final class RedisInfo {
    private RedisInfo() {}

    static Map<String, String> parse(String info) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (line.isBlank() || line.startsWith("#") || colon < 0) {
                continue;
            }
            fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return fields;
    }

    static long number(String info, String field) {
        String value = parse(info).get(field);
        if (value == null) {
            throw new IllegalArgumentException("INFO has no field " + field);
        }
        return Long.parseLong(value);
    }

    /**
     * Whether a {@code MONITOR} line shows a command a client sent, as opposed to one a Lua script ran
     * ({@code [0 lua]}) or a reply such as {@code +OK}.
     */
    static boolean isClientCommand(String monitorLine) {
        int open = monitorLine.indexOf('[');
        int close = monitorLine.indexOf(']', open + 1);
        if (!monitorLine.startsWith("+") || open < 0 || close < 0 || monitorLine.equals("+OK")) {
            return false;
        }
        String source = monitorLine.substring(open + 1, close);
        return !source.endsWith(" lua") && !source.endsWith(" script");
    }
}
