package io.tiktimer.publisher.service;

import io.tiktimer.contracts.PostDue;
import io.tiktimer.publisher.AttemptState;
import io.tiktimer.publisher.PublishAttempt;
import io.tiktimer.publisher.repository.PublishAttemptRepository;
import io.tiktimer.servicekit.messaging.Inbox;
import io.tiktimer.servicekit.tracing.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Records a post.due as an attempt, idempotently by event id and by (post id, attempt). */
@ApplicationScoped
public class IntakeService {

    public enum Result { RECORDED, DUPLICATE }

    private final Inbox inbox;
    private final PublishAttemptRepository attempts;
    private final AttemptStore store;
    private final Clock clock;

    public IntakeService(Inbox inbox, PublishAttemptRepository attempts, AttemptStore store,
                         Clock clock) {
        this.inbox = inbox;
        this.attempts = attempts;
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public Result record(PostDue due, String payload) {
        boolean firstTime = inbox.firstDelivery(due);
        Optional<PublishAttempt> existing = attempts.findByPostAndAttempt(due.postId(), due.attempt());
        if (existing.isPresent()) {
            // a redelivery, or post-service re-sending the same attempt: resume or re-report, never start over
            store.redelivered(existing.get());
            return Result.DUPLICATE;
        }
        if (!firstTime) {
            return Result.DUPLICATE;
        }
        Instant now = clock.instant();
        PublishAttempt a = new PublishAttempt();
        a.postId = due.postId();
        a.attempt = due.attempt();
        a.userId = due.userId();
        a.tiktokAccountId = due.tiktokAccountId();
        a.dueEventId = due.eventId();
        a.duePayload = payload;
        a.mode = due.mode().name();
        a.mediaType = due.mediaType().name();
        a.state = AttemptState.RECEIVED;
        a.nextRunAt = now;
        a.createdAt = now;
        a.updatedAt = now;
        a.traceparent = TraceParent.current();
        attempts.persist(a);
        return Result.RECORDED;
    }
}
