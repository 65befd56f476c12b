package io.tiktimer.sandbox;

import java.time.Duration;

/** Misbehaviour of the asynchronous status machine for one publish_id. */
public final class PublishFault {
    private final boolean stuck;
    private final String failReasonAfterComplete;
    private final Duration failDelay;

    private PublishFault(boolean stuck, String failReasonAfterComplete, Duration failDelay) {
        this.stuck = stuck;
        this.failReasonAfterComplete = failReasonAfterComplete;
        this.failDelay = failDelay;
    }

    /** The post never leaves PROCESSING_UPLOAD / PROCESSING_DOWNLOAD, as several peers saw in production. */
    public static PublishFault stuckInProcessing() {
        return new PublishFault(true, null, Duration.ZERO);
    }

    /** The post reports PUBLISH_COMPLETE (or SEND_TO_USER_INBOX), then turns FAILED with {@code reason} after {@code delay}. */
    public static PublishFault failAfterSuccess(String reason, Duration delay) {
        return new PublishFault(false, reason, delay);
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
        return stuck ? "stuckInProcessing" : "failAfterSuccess(" + failReasonAfterComplete + ", " + failDelay + ")";
    }
}
