package io.tiktimer.servicekit.logging;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Span;
import org.jboss.logging.MDC;

/**
 * Names what a thread is working on in every line it logs (MDC fields of the JSON log lines: {@code postId},
 * {@code tiktokAccountId}), and forgets it when closed, so a pooled thread never carries one post's ids into the
 * next: {@code try (LogContext ignored = LogContext.post(postId, accountId)) { ... }}.
 * <p>
 * It also names the current trace ({@code traceId}, {@code spanId}, the fields Quarkus writes) where Quarkus does not:
 * Quarkus fills them only on a Vert.x context, and the dispatcher, the worker and the relay run on threads of their own.
 */
public final class LogContext implements AutoCloseable {

    public static final String POST_ID = "postId";
    public static final String TIKTOK_ACCOUNT_ID = "tiktokAccountId";
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    private final boolean namedTrace;

    private LogContext(boolean namedTrace) {
        this.namedTrace = namedTrace;
    }

    public static LogContext post(long postId, long tiktokAccountId) {
        MDC.put(POST_ID, postId);
        MDC.put(TIKTOK_ACCOUNT_ID, tiktokAccountId);
        SpanContext span = Span.current().getSpanContext();
        boolean nameTrace = span.isValid() && MDC.get(TRACE_ID) == null;
        if (nameTrace) {
            MDC.put(TRACE_ID, span.getTraceId());
            MDC.put(SPAN_ID, span.getSpanId());
        }
        return new LogContext(nameTrace);
    }

    @Override
    public void close() {
        MDC.remove(POST_ID);
        MDC.remove(TIKTOK_ACCOUNT_ID);
        if (namedTrace) {
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        }
    }
}
