package io.tiktimer.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Fact from auth-service: the user deleted their account. Every service erases that user's data. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserDeleted(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        long userId) implements Event {

    public static final String TYPE = "user.deleted";
    public static final int VERSION = 1;

    public UserDeleted {
        Objects.requireNonNull(eventId, "eventId");
    }

    @Override
    public String topic() {
        return Topics.USER_DELETED;
    }

    @Override
    public String kafkaKey() {
        return Long.toString(userId);
    }

    public static UserDeleted of(long userId) {
        return new UserDeleted(UUID.randomUUID(), TYPE, VERSION, Instant.now(), userId);
    }
}
