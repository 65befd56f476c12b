package io.tiktimer.tiktok.service;

import java.util.List;

/** How an attempt to connect a TikTok account ended. Nothing is stored unless it is {@link Connected}. */
public sealed interface ConnectResult {

    record Connected(long accountId, long userId, String openId, String displayName, boolean reconnected)
            implements ConnectResult {
    }

    record Failed(Failure failure, String detail, List<String> missingScopes) implements ConnectResult {
        public Failed(Failure failure, String detail) {
            this(failure, detail, List.of());
        }
    }

    enum Failure {
        /** state unknown, already used, expired, or issued to another user. */
        INVALID_STATE,
        /**
         * A valid state, but the browser completing the callback is not the one that started it (nor signed in as its
         * user): for example a stranger who was sent the authorization URL. Nothing linked, the state still pending.
         */
        STARTED_ELSEWHERE,
        /** The person cancelled on TikTok's page. */
        ACCESS_DENIED,
        /** Scopes were unticked on TikTok's page. */
        MISSING_SCOPES,
        /** TikTok refused the code (used, expired, or not ours). */
        CODE_REJECTED,
        /** This TikTok account is already connected to another TikTimer user. */
        ACCOUNT_OWNED_ELSEWHERE,
        /** TikTok could not be reached or failed on its side. */
        TIKTOK_UNAVAILABLE,
        /** Any other error TikTok reported. */
        TIKTOK_ERROR
    }
}
