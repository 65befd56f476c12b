package io.tiktimer.sandbox;

import java.time.Duration;

/** Misbehaviour of the asynchronous status machine for one publish_id. */
public final class PublishFault {
    private final boolean stuck;
    private final String failReasonAfterComplete;
    private final Duration failDelay;
    private final Duration extraProcessing;

    private PublishFault(boolean stuck, String failReasonAfterComplete, Duration failDelay, Duration extraProcessing) {
        this.stuck = stuck;
        this.failReasonAfterComplete = failReasonAfterComplete;
        this.failDelay = failDelay;
        this.extraProcessing = extraProcessing;
    }

    /** The post never leaves PROCESSING_UPLOAD / PROCESSING_DOWNLOAD, as several peers saw in production. */
    public static PublishFault stuckInProcessing() {
        return new PublishFault(true, null, Duration.ZERO, Duration.ZERO);
    }

    /** The post reports PUBLISH_COMPLETE (or SEND_TO_USER_INBOX), then turns FAILED with {@code reason} after {@code delay}. */
    public static PublishFault failAfterSuccess(String reason, Duration delay) {
        return new PublishFault(false, reason, delay, Duration.ZERO);
    }

    /** The post stays in PROCESSING for {@code extra} longer than usual, then completes as it would have. */
    public static PublishFault slowProcessing(Duration extra) {
        return new PublishFault(false, null, Duration.ZERO, extra);
    }

    public Duration extraProcessing() {
        return extraProcessing;
    }

    public boolean stuck() {
        return stuck;
    }

    public String failReasonAfterComplete() {
        return failReasonAfterComplete;
    }

    public Duration failDelay() {
        return failDelay;
    }

    @Override
    public String toString() {
        if (stuck) {
            return "stuckInProcessing";
        }
        return failReasonAfterComplete == null ? "slowProcessing(" + extraProcessing + ")"
                : "failAfterSuccess(" + failReasonAfterComplete + ", " + failDelay + ")";
    }
}
