package io.tiktimer.servicekit.logging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogContextTest {

    @Test
    void namesThePostWhileOpenAndLeavesNothingBehindForTheThreadsNextTask() {
        try (LogContext ignored = LogContext.post(42, 7)) {
            assertThat(MDC.get(LogContext.POST_ID)).isEqualTo(42L);
            assertThat(MDC.get(LogContext.TIKTOK_ACCOUNT_ID)).isEqualTo(7L);
        }
        assertThat(MDC.get(LogContext.POST_ID)).isNull();
        assertThat(MDC.get(LogContext.TIKTOK_ACCOUNT_ID)).isNull();
    }

    @Test
    void aFailingTaskStillClearsItsContext() {
        try (LogContext ignored = LogContext.post(1, 2)) {
            throw new IllegalStateException("the attempt failed");
        } catch (IllegalStateException expected) {
            assertThat(MDC.get(LogContext.POST_ID)).isNull();
        }
    }

    @Test
    void namesTheCurrentTraceOnAPlainThreadAndForgetsItWhenClosed() {
        SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope scope = Span.wrap(span).makeCurrent()) {
            try (LogContext ignored = LogContext.post(42, 7)) {
                assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
                assertThat(MDC.get(LogContext.SPAN_ID)).isEqualTo("00f067aa0ba902b7");
            }
            assertThat(MDC.get(LogContext.TRACE_ID)).isNull();
        }
    }

    @Test
    void leavesATraceSomeoneElseNamedInPlace() {
        MDC.put(LogContext.TRACE_ID, "named-by-quarkus");
        try (Scope scope = Span.wrap(SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault())).makeCurrent()) {
            try (LogContext ignored = LogContext.post(42, 7)) {
                assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo("named-by-quarkus");
            }
            assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo("named-by-quarkus");
        } finally {
            MDC.remove(LogContext.TRACE_ID);
        }
    }
}
