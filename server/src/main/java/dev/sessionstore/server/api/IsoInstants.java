package dev.sessionstore.server.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()} (ISO-8601 in UTC, as {@code DateTimeFormatter.ISO_INSTANT} writes it: seconds always,
 * the fraction in groups of three digits, none when zero) written into a caller's buffer without the formatter: a
 * session answer holds four instants, and the formatter was about 2 % of the service's CPU per request. Years 0 to
 * 9999 are written here; others by {@link Instant#toString()} itself.
 */
final class IsoInstants {
    /** Enough for any instant {@link Instant#toString()} writes ({@code +1000000000-12-31T23:59:59.999999999Z}). */
    static final int MAX_LENGTH = 40;

    private static final long FIRST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long LAST_SECOND = (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * 86_400 - 1;

    private IsoInstants() {}

    /** Writes {@code t} as {@link Instant#toString()} does into {@code out} (at least {@link #MAX_LENGTH} long). */
    static int write(Instant t, char[] out) {
        long second = t.getEpochSecond();
        if (second < FIRST_SECOND || second > LAST_SECOND) {
            String text = t.toString();
            text.getChars(0, text.length(), out, 0);
            return text.length();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(second, 86_400));
        int ofDay = (int) Math.floorMod(second, 86_400);
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, ofDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, ofDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, ofDay % 60, 2);
        int n = 19;
        int nano = t.getNano();
        if (nano != 0) {
            out[n++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(out, n, nano / 1_000_000, 3);
                n += 3;
            } else if (nano % 1000 == 0) {
                digits(out, n, nano / 1000, 6);
                n += 6;
            } else {
                digits(out, n, nano, 9);
                n += 9;
            }
        }
        out[n++] = 'Z';
        return n;
    }

    static String format(Instant t) {
        char[] out = new char[MAX_LENGTH];
        return new String(out, 0, write(t, out));
    }

    /** {@code value} (>= 0) as exactly {@code width} decimal digits, zero-padded, at {@code at}. */
    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
