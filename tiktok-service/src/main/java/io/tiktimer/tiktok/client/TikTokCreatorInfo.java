package io.tiktimer.tiktok.client;

import java.util.List;

/**
 * creator_info (§2.1). {@code errorCode} is {@code ok}, or a code TikTok sends with HTTP 200 on purpose
 * ({@code spam_risk_too_many_posts}, {@code spam_risk_user_banned_from_posting}, {@code reached_active_user_cap}):
 * the creator cannot post right now.
 */
public record TikTokCreatorInfo(String creatorUsername, String creatorNickname, String creatorAvatarUrl,
                                List<String> privacyLevelOptions, boolean commentDisabled, boolean duetDisabled,
                                boolean stitchDisabled, Integer maxVideoPostDurationSec, String errorCode,
                                String errorMessage, String logId) {

    public boolean canPost() {
        return "ok".equals(errorCode);
    }
}
