package io.tiktimer.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event carries. {@code eventId} is the idempotency key consumers store in their consumed-event table;
 * {@code type} and {@code version} let a consumer reject (dead-letter) what it does not understand.
 */
public sealed interface Event permits PostDue, PostPublishing, PostPublished, PostFailed, UserDeleted, TikTokAccountChanged,
        SessionsRevoked {

    UUID eventId();

    String type();

    int version();

    Instant occurredAt();

    /** The Kafka record key: the aggregate that orders this event. */
    @JsonIgnore
    String kafkaKey();

    /** The topic this event is published to (one of {@link Topics}); the outbox relay sends it there. */
    @JsonIgnore
    String topic();
}
