package io.tiktimer.servicekit.logging;

import org.jboss.logging.MDC;

/**
 * Names what a thread is working on in every line it logs (MDC fields of the JSON log lines: {@code postId},
 * {@code tiktokAccountId}), and forgets it when closed, so a pooled thread never carries one post's ids into the
 * next: {@code try (LogContext ignored = LogContext.post(postId, accountId)) { ... }}.
 */
public final class LogContext implements AutoCloseable {

    public static final String POST_ID = "postId";
    public static final String TIKTOK_ACCOUNT_ID = "tiktokAccountId";

    private LogContext() {
    }

    public static LogContext post(long postId, long tiktokAccountId) {
        MDC.put(POST_ID, postId);
        MDC.put(TIKTOK_ACCOUNT_ID, tiktokAccountId);
        return new LogContext();
    }

    @Override
    public void close() {
        MDC.remove(POST_ID);
        MDC.remove(TIKTOK_ACCOUNT_ID);
    }
}
