package io.tiktimer.servicekit.text;

import io.tiktimer.servicekit.problem.Problems;

/**
 * Text TikTimer can store and give back unchanged. PostgreSQL refuses NUL in {@code text} (a 500 if it gets that
 * far), and a lone UTF-16 surrogate has no UTF-8 form, so the driver would silently store it as {@code ?}. Both are
 * refused at the edge, naming the field, instead.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code value} cannot be stored, or {@code null} when it can (also for {@code null}). */
    public static String whyNot(CharSequence value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "must not contain NUL characters";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired UTF-16 surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired UTF-16 surrogate";
            }
        }
        return null;
    }

    /** For form, multipart and query values, which do not pass through the JSON reader: 400 naming the field. */
    public static String require(String field, Problems.In in, String value) {
        String why = whyNot(value);
        if (why != null) {
            throw Problems.unreadable(field, in, why);
        }
        return value;
    }
}
