package dev.sessionstore.coordination;

import java.util.BitSet;
import java.util.List;

/** Parses one cron field into the set of values it allows. */
final class CronField {
    private CronField() {}

    static BitSet parse(String field, String text, int min, int max, List<String> names, int nameBase) {
        BitSet bits = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            parsePart(field, part, min, max, names, nameBase, bits);
        }
        return bits;
    }

    private static void parsePart(
            String field, String part, int min, int max, List<String> names, int nameBase, BitSet bits) {
        String range = part;
        int step = 1;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            range = part.substring(0, slash);
            step = number(field, part.substring(slash + 1), part, 1, max - min + 1, List.of(), 0);
        }
        int lo;
        int hi;
        if (range.equals("*")) {
            lo = min;
            hi = max;
        } else if (range.indexOf('-') > 0) {
            int dash = range.indexOf('-');
            lo = number(field, range.substring(0, dash), part, min, max, names, nameBase);
            hi = number(field, range.substring(dash + 1), part, min, max, names, nameBase);
            if (hi < lo) {
                throw new IllegalArgumentException("cron " + field + " range is reversed: " + part);
            }
        } else {
            lo = number(field, range, part, min, max, names, nameBase);
            hi = slash >= 0 ? max : lo;
        }
        for (int v = lo; v <= hi; v += step) {
            bits.set(v);
        }
    }

    private static int number(String field, String s, String part, int min, int max, List<String> names, int nameBase) {
        int named = names.indexOf(s);
        if (named >= 0) {
            return named + nameBase;
        }
        if (s.isEmpty() || s.length() > 2 || !s.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("cron " + field + " has a bad value: " + part);
        }
        int v = Integer.parseInt(s);
        if (v < min || v > max) {
            throw new IllegalArgumentException("cron " + field + " must be in [" + min + ", " + max + "]: " + part);
        }
        return v;
    }
}
