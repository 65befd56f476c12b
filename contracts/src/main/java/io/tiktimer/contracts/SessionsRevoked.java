package io.tiktimer.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Fact from auth-service: access tokens of these sessions (their {@code sid} claim), or of every session of the user
 * when {@code allSessions} is set (the account was deleted), must no longer be accepted. Every replica of every service
 * reads this topic whole (no consumer group), because each one verifies tokens itself. Key: user id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionsRevoked(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        long userId,
        List<String> sessionIds,
        boolean allSessions) implements Event {

    public static final String TYPE = "sessions.revoked";
    public static final int VERSION = 1;

    public SessionsRevoked {
        Objects.requireNonNull(eventId, "eventId");
        sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
    }

    @Override
    public String topic() {
        return Topics.SESSIONS_REVOKED;
    }

    @Override
    public String kafkaKey() {
        return Long.toString(userId);
    }

    public static SessionsRevoked sessions(long userId, List<String> sessionIds) {
        return new SessionsRevoked(UUID.randomUUID(), TYPE, VERSION, Instant.now(), userId, sessionIds, false);
    }

    public static SessionsRevoked everySession(long userId) {
        return new SessionsRevoked(UUID.randomUUID(), TYPE, VERSION, Instant.now(), userId, List.of(), true);
    }
}
