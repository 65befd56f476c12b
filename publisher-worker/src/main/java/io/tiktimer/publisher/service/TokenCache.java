package io.tiktimer.publisher.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.tiktimer.publisher.client.AccessToken;
import io.tiktimer.publisher.client.TikTokServiceClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Access tokens per (account, user), kept in memory only (never in our database, never logged) while they have
 * more than five minutes left, so status polling does not cost a tiktok-service round trip per call. A Caffeine cache
 * whose entries expire five minutes before their token does, measured on the injected clock (so tests that move the
 * sandbox's time move the cache's too), and bounded, so a worker serving many accounts for months does not grow.
 */
@ApplicationScoped
public class TokenCache {
    private static final Duration MIN_REMAINING = Duration.ofMinutes(5);
    private static final int MAX_ACCOUNTS = 50_000;

    private final TikTokServiceClient tiktokService;
    private final Cache<String, AccessToken> tokens;
    /** Keys whose token TikTok refused: the next lookup asks tiktok-service for a forced refresh. */
    private final Cache<String, Boolean> rejected;

    public TokenCache(TikTokServiceClient tiktokService, Clock clock) {
        this.tiktokService = tiktokService;
        this.tokens = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .maximumSize(MAX_ACCOUNTS)
                .expireAfter(Expiry.<String, AccessToken>creating((key, token) -> usableFor(token, clock.instant())))
                .build();
        this.rejected = Caffeine.newBuilder().maximumSize(MAX_ACCOUNTS).expireAfterWrite(Duration.ofHours(1)).build();
    }

    public AccessToken get(long accountId, long userId) {
        String key = accountId + "/" + userId;
        AccessToken cached = tokens.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        boolean forceRefresh = rejected.getIfPresent(key) != null;
        AccessToken fresh = tiktokService.accessToken(accountId, userId, forceRefresh);
        rejected.invalidate(key);
        tokens.put(key, fresh);
        return fresh;
    }

    /** TikTok refused the token: next time ask tiktok-service for a forced refresh. */
    public void invalidate(long accountId, long userId) {
        String key = accountId + "/" + userId;
        tokens.invalidate(key);
        rejected.put(key, Boolean.TRUE);
    }

    private static Duration usableFor(AccessToken token, Instant now) {
        if (token.expiresAt() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, token.expiresAt().minus(MIN_REMAINING));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
