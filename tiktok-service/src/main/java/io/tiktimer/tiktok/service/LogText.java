package io.tiktimer.tiktok.service;

/**
 * Text from a request (or from TikTok) made safe for one log line: control characters (CR and LF above all, which
 * would start a forged line) become visible escapes, and the length is capped. Done here by hand because the log is
 * plain text; JSON logging would escape them too.
 */
public final class LogText {

    private static final int MAX = 200;

    private LogText() {
    }

    public static String escape(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 16);
        for (int i = 0; i < value.length() && out.length() < MAX; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.length() >= MAX && value.length() > MAX ? out + "…" : out.toString();
    }
}
