package io.tiktimer.sandbox.upload;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code Content-Range: bytes first-last/total}, last inclusive, as TikTok's media transfer guide requires. */
record ContentRange(long first, long last, long total) {
    private static final Pattern FORMAT = Pattern.compile("^bytes (\\d{1,19})-(\\d{1,19})/(\\d{1,19})$");

    static ContentRange parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(header.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            ContentRange range = new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
            return range.first <= range.last && range.last < range.total ? range : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    long length() {
        return last - first + 1;
    }

    static String progress(long committedBytes, long total) {
        return committedBytes == 0 ? "bytes */" + total : "bytes 0-" + (committedBytes - 1) + "/" + total;
    }
}
