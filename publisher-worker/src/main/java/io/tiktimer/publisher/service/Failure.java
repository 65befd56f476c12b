package io.tiktimer.publisher.service;

import java.time.Instant;

/** A failure as it is reported in post.failed: code, TikTok's log id, a sentence for the user, and what may happen next. */
public record Failure(String code, String logId, String message, boolean retryable, boolean outcomeUnknown,
                      Instant retryNotBefore) {

    public Failure withLogId(String value) {
        return new Failure(code, value, message, retryable, outcomeUnknown, retryNotBefore);
    }
}
