package dev.sessionstore.coordination;

import java.util.regex.Pattern;

/** Validation of lock, job, breaker and instance names: they become parts of Redis keys. */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Names() {}

    /**
     * Returns {@code value} if it is 1-128 characters of {@code [A-Za-z0-9._:-]}.
     *
     * @throws IllegalArgumentException naming {@code setting} and the bad value otherwise
     */
    public static String check(String setting, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(setting + " must be 1-128 characters of [A-Za-z0-9._:-]: " + value);
        }
        return value;
    }
}
