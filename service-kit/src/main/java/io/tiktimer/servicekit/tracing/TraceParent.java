package io.tiktimer.servicekit.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A W3C {@code traceparent} as stored text. Work that TikTimer does later and elsewhere than the request that asked
 * for it (the dispatcher hours after {@code POST /posts}, the relay after the commit, the worker's own threads) keeps
 * the request's trace by storing this string beside the row it will act on and continuing from it.
 * <p>
 * Only {@code traceparent} is kept: {@code tracestate} carries vendor data TikTimer neither sets nor needs.
 */
public final class TraceParent {

    /** {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}: what the columns are sized for. */
    public static final int LENGTH = 55;
    public static final String HEADER = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };
    private static final TextMapSetter<Headers> KAFKA_HEADERS = (headers, key, value) -> {
        if (headers != null) {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    };

    private TraceParent() {
    }

    /** The current span's context as text, or null outside any trace. */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    /** The span context as text, or null if it is not a valid one. */
    public static String of(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /**
     * A context whose parent is the stored span, to start the later work's span in. A null or malformed value gives
     * the root context, so the work starts a trace of its own rather than failing.
     */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3C.extract(Context.root(), traceparent, STORED);
    }

    /** Writes the span of {@code context} into a Kafka record's headers, replacing one already there. */
    public static void inject(Context context, Headers headers) {
        W3C.inject(context, headers, KAFKA_HEADERS);
    }
}
