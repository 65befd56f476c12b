package io.tiktimer.publisher.mapping;

import io.tiktimer.contracts.PostDue;
import io.tiktimer.contracts.PostFailed;
import io.tiktimer.contracts.PostPublished;
import io.tiktimer.contracts.PostPublishing;
import io.tiktimer.contracts.PublishOutcome;
import io.tiktimer.publisher.PublishAttempt;
import io.tiktimer.publisher.service.Failure;
import io.tiktimer.servicekit.messaging.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Attempt ⇒ outcome events, and the {@code post.due} an attempt was created from. */
@ApplicationScoped
public class EventMapper {

    private final EventCodec codec;

    public EventMapper(EventCodec codec) {
        this.codec = codec;
    }

    public PostPublishing publishing(PublishAttempt a, Instant at) {
        return new PostPublishing(UUID.randomUUID(), PostPublishing.TYPE, PostPublishing.VERSION, at, a.postId,
                a.attempt, a.tiktokAccountId, a.publishId);
    }

    public PostPublished published(PublishAttempt a, PublishOutcome outcome, Instant at) {
        return new PostPublished(UUID.randomUUID(), PostPublished.TYPE, PostPublished.VERSION, at, a.postId, a.attempt,
                a.tiktokAccountId, a.publishId, outcome, a.publicPostId, a.shareUrl);
    }

    public PostFailed failed(PublishAttempt a, Failure f, Instant at) {
        return new PostFailed(UUID.randomUUID(), PostFailed.TYPE, PostFailed.VERSION, at, a.postId, a.attempt,
                a.tiktokAccountId, a.publishId, f.code(), f.logId(), f.message(), f.retryable(), f.outcomeUnknown(),
                f.retryNotBefore());
    }

    /** The command this attempt was recorded from; it was read and checked when it arrived. */
    public PostDue dueOf(PublishAttempt a) {
        return codec.read(a.duePayload, PostDue.class);
    }
}
