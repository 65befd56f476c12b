package io.tiktimer.tiktok.service;

import io.tiktimer.tiktok.client.TikTokApiException;
import io.tiktimer.tiktok.client.TikTokClient;
import io.tiktimer.tiktok.client.TikTokCreatorInfo;
import io.tiktimer.tiktok.client.TikTokUnavailableException;
import io.tiktimer.tiktok.config.TikTokConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * creator_info for the "post to TikTok" screen (§2.1): briefly cached per account, and never more than our share of
 * TikTok's 20 calls/min/token. The cache and the call budget live in one small per-account structure written here
 * rather than taken from quarkus-cache, because the budget must count real TikTok calls per account, which a generic
 * cache cannot express. Both are per replica; with the 30 s cache one replica makes at most two calls a minute.
 */
@ApplicationScoped
public class CreatorInfoService {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final TokenService tokens;
    private final TikTokClient tiktok;
    private final TikTokConfig config;
    private final Clock clock;
    private final Map<Long, Slot> slots = new ConcurrentHashMap<>();

    public CreatorInfoService(TokenService tokens, TikTokClient tiktok, TikTokConfig config, Clock clock) {
        this.tokens = tokens;
        this.tiktok = tiktok;
        this.config = config;
        this.clock = clock;
    }

    public CreatorInfoView creatorInfo(long userId, long accountId) {
        // Ownership and status are checked on every call, cached or not.
        AccessGrant grant = grant(tokens.accessToken(accountId, userId, false));
        Slot slot = slots.computeIfAbsent(accountId, id -> new Slot());
        synchronized (slot) {
            Instant now = clock.instant();
            if (slot.cached != null && slot.cached.fetchedAt().plus(config.creatorInfo().cacheTtl()).isAfter(now)) {
                return slot.cached;
            }
            slot.takeCall(now, config.creatorInfo().maxCallsPerMinute());
            TikTokCreatorInfo info;
            try {
                info = tiktok.creatorInfo(grant.accessToken());
            } catch (TikTokApiException e) {
                if (!e.accessTokenInvalid()) {
                    throw refusal(e, accountId, userId);
                }
                // §7.2: refresh once, then give up on the authorization.
                AccessGrant refreshed = grant(tokens.accessToken(accountId, userId, true));
                slot.takeCall(now, config.creatorInfo().maxCallsPerMinute());
                try {
                    info = tiktok.creatorInfo(refreshed.accessToken());
                } catch (TikTokApiException again) {
                    if (again.accessTokenInvalid()) {
                        tokens.markReconnectRequired(accountId, userId);
                        throw TikTokProblems.reconnectRequired();
                    }
                    throw refusal(again, accountId, userId);
                }
            } catch (TikTokUnavailableException e) {
                throw TikTokProblems.tiktokUnavailable();
            }
            slot.cached = new CreatorInfoView(accountId, info, now);
            return slot.cached;
        }
    }

    /** Drops what is cached for an account, e.g. after it was removed. */
    public void forget(long accountId) {
        slots.remove(accountId);
    }

    private RuntimeException refusal(TikTokApiException e, long accountId, long userId) {
        if (e.scopeNotAuthorized()) {
            tokens.markReconnectRequired(accountId, userId);
            return TikTokProblems.reconnectRequired();
        }
        if (e.rateLimited()) {
            return TikTokProblems.rateLimited(60);
        }
        return TikTokProblems.coded(502, "tiktok_refused",
                "TikTok refused creator_info: it answered " + e.code() + " (log_id " + e.logId() + ").");
    }

    private static AccessGrant grant(TokenOutcome outcome) {
        if (outcome instanceof TokenOutcome.Granted granted) {
            return granted.grant();
        }
        if (outcome instanceof TokenOutcome.NotFound) {
            throw TikTokProblems.accountNotFound();
        }
        if (outcome instanceof TokenOutcome.ReconnectRequired) {
            throw TikTokProblems.reconnectRequired();
        }
        throw TikTokProblems.tiktokUnavailable();
    }

    private static final class Slot {
        private final Deque<Instant> calls = new ArrayDeque<>();
        private CreatorInfoView cached;

        void takeCall(Instant now, int maxPerMinute) {
            while (!calls.isEmpty() && !calls.peekFirst().isAfter(now.minus(WINDOW))) {
                calls.pollFirst();
            }
            if (calls.size() >= maxPerMinute) {
                long retryAfter = Math.max(1, Duration.between(now, calls.peekFirst().plus(WINDOW)).toSeconds());
                throw TikTokProblems.rateLimited(retryAfter);
            }
            calls.addLast(now);
        }
    }
}
