package io.tiktimer.publisher.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.tiktimer.contracts.Event;
import io.tiktimer.contracts.PostFailed;
import io.tiktimer.contracts.PostPublished;
import io.tiktimer.contracts.PostPublishing;
import io.tiktimer.publisher.AttemptState;
import io.tiktimer.publisher.PublishAttempt;
import io.tiktimer.publisher.repository.PublishAttemptRepository;
import io.tiktimer.servicekit.messaging.EventCodec;
import io.tiktimer.servicekit.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Short transactions around one attempt. Network calls never run inside them: a processor loads the row, talks to
 * TikTok, then writes the result (and the event reporting it, through the outbox) in one commit.
 */
@ApplicationScoped
public class AttemptStore {

    private final PublishAttemptRepository attempts;
    private final Outbox outbox;
    private final EventCodec codec;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry metrics;

    public AttemptStore(PublishAttemptRepository attempts, Outbox outbox, EventCodec codec, EntityManager em,
                        Clock clock, MeterRegistry metrics) {
        this.attempts = attempts;
        this.outbox = outbox;
        this.codec = codec;
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PublishAttempt load(long id) {
        PublishAttempt a = attempts.findById(id);
        if (a != null) {
            em.detach(a);
        }
        return a;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(PublishAttempt a) {
        a.updatedAt = clock.instant();
        em.merge(a);
    }

    /**
     * State change plus the event that reports it, atomically: the event exists if and only if the change does.
     * Each outcome is counted as {@code tiktimer_publish_attempts_total{outcome, code}} ({@code published},
     * {@code inbox_delivered}, {@code failed}, {@code unconfirmed}; {@code code} is TikTok's or ours, {@code none}
     * for successes), counted as the outcome is written.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(PublishAttempt a, Event event) {
        String payload = codec.write(event);
        if (event instanceof PostPublishing) {
            a.publishingEvent = payload;
        } else {
            a.outcomeEvent = payload;
        }
        a.updatedAt = clock.instant();
        em.merge(a);
        outbox.append(event);
        countOutcome(event);
    }

    private void countOutcome(Event event) {
        String outcome;
        String code = "none";
        if (event instanceof PostPublished published) {
            outcome = published.outcome().name().toLowerCase(Locale.ROOT);
        } else if (event instanceof PostFailed failed) {
            outcome = failed.outcomeUnknown() ? "unconfirmed" : "failed";
            code = failed.errorCode() == null ? "unknown" : failed.errorCode();
        } else {
            return;
        }
        metrics.counter("tiktimer.publish.attempts", "outcome", outcome, "code", code).increment();
    }

    /**
     * A post.due arrived again for an attempt we already have: queue the stored events again under their original
     * event ids (consumers dedupe by id), in the order they happened, and wake the attempt if it still has work.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void redelivered(PublishAttempt a) {
        Instant now = clock.instant();
        if (a.publishingEvent != null) {
            outbox.append(codec.readAny(a.publishingEvent));
        }
        if (a.outcomeEvent != null) {
            outbox.append(codec.readAny(a.outcomeEvent));
        }
        if (!a.state.terminal() && (a.leaseUntil == null || a.leaseUntil.isBefore(now))) {
            a.nextRunAt = now;
        }
    }

    public static boolean isActive(AttemptState state) {
        return AttemptState.ACTIVE.contains(state);
    }
}
