package io.tiktimer.publisher.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiktimer.contracts.Event;
import io.tiktimer.contracts.PostFailed;
import io.tiktimer.contracts.PostPublished;
import io.tiktimer.contracts.PostPublishing;
import io.tiktimer.contracts.PublishOutcome;
import io.tiktimer.contracts.Topics;
import io.tiktimer.publisher.PublishAttempt;
import io.tiktimer.publisher.service.Failure;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Attempt ⇒ outcome events, and events ⇄ JSON with the service's ObjectMapper (ISO instants, nulls kept). */
@ApplicationScoped
public class EventMapper {

    private final ObjectMapper json;

    public EventMapper(ObjectMapper json) {
        this.json = json;
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

    public static String topicOf(Event event) {
        if (event instanceof PostPublishing) {
            return Topics.POST_PUBLISHING;
        }
        if (event instanceof PostPublished) {
            return Topics.POST_PUBLISHED;
        }
        if (event instanceof PostFailed) {
            return Topics.POST_FAILED;
        }
        throw new IllegalArgumentException("publisher-worker does not produce " + event.type());
    }

    public static String topicOfType(String type) {
        return switch (type) {
            case PostPublishing.TYPE -> Topics.POST_PUBLISHING;
            case PostPublished.TYPE -> Topics.POST_PUBLISHED;
            case PostFailed.TYPE -> Topics.POST_FAILED;
            default -> throw new IllegalArgumentException("publisher-worker does not produce " + type);
        };
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> T fromJson(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
