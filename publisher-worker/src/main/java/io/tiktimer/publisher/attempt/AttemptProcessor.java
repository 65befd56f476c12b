package io.tiktimer.publisher.attempt;

import io.tiktimer.publisher.PublishAttempt;
import io.tiktimer.publisher.service.AttemptStore;
import io.tiktimer.publisher.service.FailureCatalog;
import io.tiktimer.publisher.service.ShutdownSignal;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.tiktimer.servicekit.logging.LogContext;
import io.tiktimer.servicekit.tracing.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Drives one claimed attempt through its state machine until it has to wait (rate limit, backoff, next poll) or is
 * finished. Each state has its step, which returns what happens next as a {@link Next}. Every effect at TikTok is
 * preceded by a persisted state that tells a later run what is safe:
 * <ul>
 *   <li>{@code RECEIVED} ({@link InitStep}): nothing reached init; token, creator_info and checks may be repeated;</li>
 *   <li>{@code INIT_SENDING}: the init may have reached TikTok; a run that finds it there reports unconfirmed;</li>
 *   <li>{@code UPLOADING} ({@link UploadStep}): publish_id is stored; chunks resume from TikTok's own progress;</li>
 *   <li>{@code PROCESSING} ({@link StatusStep}): only read-only status polls happen.</li>
 * </ul>
 * Each run is a span ({@code publish attempt}) in the trace post.due came with (stored on the attempt), so the TikTok
 * calls it makes and the outcome events it queues continue the post's trace, however often the attempt is parked.
 */
@ApplicationScoped
public class AttemptProcessor {
    private static final Logger LOG = Logger.getLogger(AttemptProcessor.class);
    /** A guard against a step that keeps answering "continue": no attempt has anywhere near this many steps. */
    private static final int MAX_STEPS_PER_RUN = 10_000;

    private final AttemptStore store;
    private final AttemptEnds ends;
    private final InitStep init;
    private final UploadStep upload;
    private final StatusStep status;
    private final ShutdownSignal shutdown;
    private final Tracer tracer;

    public AttemptProcessor(AttemptStore store, AttemptEnds ends, InitStep init, UploadStep upload, StatusStep status,
                            ShutdownSignal shutdown, Tracer tracer) {
        this.tracer = tracer;
        this.store = store;
        this.ends = ends;
        this.init = init;
        this.upload = upload;
        this.status = status;
        this.shutdown = shutdown;
    }

    /** Runs the attempt leased to {@code owner}, and always gives the lease back. */
    public void run(long id, String owner) {
        PublishAttempt a = store.load(id);
        if (a == null || !owner.equals(a.leaseOwner)) {
            return;
        }
        Span span = tracer.spanBuilder("publish attempt")
                .setParent(TraceParent.parent(a.traceparent))
                .setAttribute("tiktimer.post.id", a.postId)
                .setAttribute("tiktimer.post.attempt", a.attempt)
                .setAttribute("tiktimer.attempt.state.before", a.state.name())
                .startSpan();
        try (Scope ignored = span.makeCurrent(); LogContext logged = LogContext.post(a.postId, a.tiktokAccountId)) {
            runLeased(a);
        } finally {
            span.setAttribute("tiktimer.attempt.state.after", a.state.name());
            if (a.errorCode != null) {
                span.setAttribute("tiktimer.error.code", a.errorCode);
            }
            span.end();
        }
    }

    private void runLeased(PublishAttempt a) {
        try {
            Next next = Next.CONTINUE;
            for (int steps = 0; steps < MAX_STEPS_PER_RUN && next instanceof Next.Continue; steps++) {
                next = shutdown.requested() ? Next.parkUntil(ends.now()) : step(a);
            }
            apply(a, next);
        } catch (RuntimeException e) {
            LOG.errorf(e, "attempt %d (post %d #%d) failed in state %s", a.id, a.postId, a.attempt, a.state);
            Span.current().recordException(e).setStatus(StatusCode.ERROR, "internal error");
            apply(a, ends.transientFailure(a, "internal error: " + e.getClass().getSimpleName()));
        } finally {
            a.leaseOwner = null;
            a.leaseUntil = null;
            store.save(a);
        }
    }

    private Next step(PublishAttempt a) {
        return switch (a.state) {
            case RECEIVED -> init.run(a);
            case INIT_SENDING -> ends.fail(a, FailureCatalog.unknown("init_outcome_unknown",
                    "TikTimer stopped while TikTok was creating the post, so it may or may not be on TikTok. Check "
                            + "the TikTok account before publishing it again."));
            case UPLOADING -> upload.run(a);
            case PROCESSING -> status.poll(a);
            default -> a.lateCheckUntil != null ? status.lateCheck(a) : Next.STOP;
        };
    }

    private static void apply(PublishAttempt a, Next next) {
        if (next instanceof Next.ParkUntil park) {
            a.nextRunAt = park.at();
        }
    }
}
