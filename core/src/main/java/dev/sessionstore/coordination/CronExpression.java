package dev.sessionstore.coordination;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A five-field cron expression: {@code minute hour day-of-month month day-of-week}. Each field is
 * {@code *}, a value, a range {@code a-b}, a step {@code * /n}, {@code a/n} or {@code a-b/n}, or a
 * comma-separated list of those. Months accept {@code JAN-DEC}, days of week {@code SUN-SAT} and
 * {@code 0-7} (0 and 7 are Sunday). As in Vixie cron, when both day fields are restricted a day matches
 * if either matches. Times are local to the zone of the instant searched from; a local time that does not
 * exist on a day (a daylight-saving gap) is skipped that day. Immutable and thread-safe.
 */
public final class CronExpression {
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int MAX_SEARCH_DAYS = 366 * 9;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean domRestricted;
    private final boolean dowRestricted;

    private CronExpression(String text, String[] f) {
        this.text = text;
        this.minutes = CronField.parse("minute", f[0], 0, 59, List.of(), 0);
        this.hours = CronField.parse("hour", f[1], 0, 23, List.of(), 0);
        this.daysOfMonth = CronField.parse("day-of-month", f[2], 1, 31, List.of(), 0);
        this.months = CronField.parse("month", f[3], 1, 12, MONTHS, 1);
        BitSet dow = CronField.parse("day-of-week", f[4], 0, 7, DAYS, 0);
        if (dow.get(7)) {
            dow.set(0);
            dow.clear(7);
        }
        this.daysOfWeek = dow;
        this.domRestricted = !f[2].equals("*");
        this.dowRestricted = !f[4].equals("*");
    }

    /**
     * Parses a five-field expression.
     *
     * @throws IllegalArgumentException naming the field and the bad value, or if it never matches
     */
    public static CronExpression parse(String expression) {
        if (expression == null || expression.length() > 200) {
            throw new IllegalArgumentException("cron expression must be 1-200 characters: " + expression);
        }
        String[] fields = expression.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("cron expression must have 5 fields: " + expression);
        }
        CronExpression cron = new CronExpression(expression.trim(), fields);
        ZonedDateTime probe = ZonedDateTime.parse("2000-01-01T00:00:00Z");
        if (cron.nextAfter(probe).isEmpty()) {
            throw new IllegalArgumentException("cron expression never matches: " + expression);
        }
        return cron;
    }

    /** The first matching minute strictly after {@code t}, in {@code t}'s zone; empty if none in 9 years. */
    public Optional<ZonedDateTime> nextAfter(ZonedDateTime t) {
        ZonedDateTime c = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = c.plusDays(MAX_SEARCH_DAYS);
        while (c.isBefore(limit)) {
            if (!months.get(c.getMonthValue())) {
                c = c.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(c)) {
                c = c.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(c.getHour())) {
                c = c.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(c.getMinute())) {
                c = c.plusMinutes(1);
            } else {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime c) {
        boolean dom = daysOfMonth.get(c.getDayOfMonth());
        boolean dow = daysOfWeek.get(c.getDayOfWeek().getValue() % 7);
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronExpression other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
