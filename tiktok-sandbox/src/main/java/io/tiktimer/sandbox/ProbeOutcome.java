package io.tiktimer.sandbox;

import java.util.Optional;

/**
 * What TikTok's media check would find in an upload. The sandbox never decodes video, so a test states the
 * facts (or the verdict) instead of relying on ffprobe; without an outcome only the container magic is checked.
 */
public final class ProbeOutcome {
    private static final int MIN_FPS = 23;
    private static final int MAX_FPS = 60;
    private static final int MIN_SIDE = 360;
    private static final int MAX_SIDE = 4096;
    /** The upload-to-inbox endpoint accepts up to 10 minutes regardless of the creator's own limit. */
    private static final int INBOX_MAX_DURATION_SEC = 600;

    private final String failReason;
    private final Integer durationSec;
    private final Integer framesPerSecond;
    private final Integer width;
    private final Integer height;

    private ProbeOutcome(String failReason, Integer durationSec, Integer fps, Integer width, Integer height) {
        this.failReason = failReason;
        this.durationSec = durationSec;
        this.framesPerSecond = fps;
        this.width = width;
        this.height = height;
    }

    public static ProbeOutcome pass() {
        return new ProbeOutcome(null, null, null, null, null);
    }

    /** Any fail_reason, e.g. {@code frame_rate_check_failed}, {@code internal} or {@code spam_risk_text}. */
    public static ProbeOutcome fail(String failReason) {
        return new ProbeOutcome(failReason, null, null, null, null);
    }

    /** Measured facts, judged against TikTok's limits and the creator's maximum duration. */
    public static ProbeOutcome media(int durationSec, int framesPerSecond, int width, int height) {
        return new ProbeOutcome(null, durationSec, framesPerSecond, width, height);
    }

    /** @return the fail_reason TikTok would report, or empty when the media passes. */
    public Optional<String> judge(boolean directPost, int creatorMaxDurationSec) {
        if (failReason != null) {
            return Optional.of(failReason);
        }
        if (durationSec != null) {
            int limit = directPost ? creatorMaxDurationSec : INBOX_MAX_DURATION_SEC;
            if (durationSec > limit || durationSec <= 0) {
                return Optional.of(FailReasons.DURATION_CHECK_FAILED);
            }
        }
        if (framesPerSecond != null && (framesPerSecond < MIN_FPS || framesPerSecond > MAX_FPS)) {
            return Optional.of(FailReasons.FRAME_RATE_CHECK_FAILED);
        }
        if (width != null && (outside(width) || outside(height))) {
            return Optional.of(FailReasons.PICTURE_SIZE_CHECK_FAILED);
        }
        return Optional.empty();
    }

    private static boolean outside(int side) {
        return side < MIN_SIDE || side > MAX_SIDE;
    }

    @Override
    public String toString() {
        return failReason != null ? "fail(" + failReason + ")"
                : durationSec == null ? "pass" : "media(" + durationSec + "s," + framesPerSecond + "fps," + width + "x" + height + ")";
    }
}
