package io.tiktimer.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Fact from tiktok-service: a TikTok account was connected, changed status or was removed. post-service keeps a local
 * copy of (account, owner, status) from these events, so it can check a post's target account without calling
 * tiktok-service synchronously. Never carries tokens.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TikTokAccountChanged(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        long accountId,
        long userId,
        String openId,
        String displayName,
        String username,
        AccountStatus status,
        List<String> grantedScopes) implements Event {

    public static final String TYPE = "tiktok.account.changed";
    public static final int VERSION = 1;

    public TikTokAccountChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(status, "status");
        grantedScopes = grantedScopes == null ? List.of() : List.copyOf(grantedScopes);
    }

    @Override
    public String topic() {
        return Topics.TIKTOK_ACCOUNT;
    }

    @Override
    public String kafkaKey() {
        return Long.toString(accountId);
    }

    public static TikTokAccountChanged of(long accountId, long userId, String openId, String displayName,
                                          String username, AccountStatus status, List<String> grantedScopes) {
        return new TikTokAccountChanged(UUID.randomUUID(), TYPE, VERSION, Instant.now(), accountId, userId, openId,
                displayName, username, status, grantedScopes);
    }
}
