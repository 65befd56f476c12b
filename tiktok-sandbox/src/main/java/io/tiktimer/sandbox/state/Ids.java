package io.tiktimer.sandbox.state;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

/** Identifier shapes copied from TikTok's examples, so clients that parse or store them meet the real formats. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter LOG_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    /** Real TikTok video ids are 19 digits starting with 7; clients must keep them as long or string. */
    private static final long POST_ID_BASE = 7_000_000_000_000_000_000L;

    private Ids() {
    }

    public static String logId(Instant now) {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return LOG_ID_TIME.format(now) + HexFormat.of().withUpperCase().formatHex(bytes);
    }

    public static String token(String prefix) {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    public static String openId() {
        return "-000" + UUID.randomUUID();
    }

    public static String digits(int length) {
        StringBuilder sb = new StringBuilder(length);
        sb.append(1 + RANDOM.nextInt(9));
        for (int i = 1; i < length; i++) {
            sb.append(RANDOM.nextInt(10));
        }
        return sb.toString();
    }

    public static long postId() {
        return POST_ID_BASE + (RANDOM.nextLong() & Long.MAX_VALUE) % 1_000_000_000_000_000_000L;
    }

    public static boolean coinFlip() {
        return RANDOM.nextBoolean();
    }
}
