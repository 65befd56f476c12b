package io.tiktimer.publisher.service;

import io.tiktimer.publisher.client.AccessToken;
import io.tiktimer.publisher.client.TikTokServiceClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens per (account, user), kept in memory only (never in our database, never logged) while they have
 * more than five minutes left, so status polling does not cost a tiktok-service round trip per call.
 */
@ApplicationScoped
public class TokenCache {
    private static final Duration MIN_REMAINING = Duration.ofMinutes(5);

    private final TikTokServiceClient tiktokService;
    private final Clock clock;
    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final java.util.Set<String> rejected = ConcurrentHashMap.newKeySet();

    public TokenCache(TikTokServiceClient tiktokService, Clock clock) {
        this.tiktokService = tiktokService;
        this.clock = clock;
    }

    public AccessToken get(long accountId, long userId) {
        String key = accountId + "/" + userId;
        AccessToken cached = tokens.get(key);
        if (cached != null && cached.expiresAt() != null
                && cached.expiresAt().isAfter(clock.instant().plus(MIN_REMAINING))) {
            return cached;
        }
        AccessToken fresh = tiktokService.accessToken(accountId, userId, rejected.contains(key));
        rejected.remove(key);
        tokens.put(key, fresh);
        return fresh;
    }

    /** TikTok refused the token: next time ask tiktok-service for a forced refresh. */
    public void invalidate(long accountId, long userId) {
        tokens.remove(accountId + "/" + userId);
        rejected.add(accountId + "/" + userId);
    }
}
