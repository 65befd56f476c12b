package io.tiktimer.publisher.service;

import java.time.Duration;
import java.time.Instant;

/**
 * TikTok's error codes and fail reasons (tiktok-api.md §2.2–§2.6, §7.2) and our own checks, mapped to what the user
 * reads and whether a new attempt may succeed without them changing anything.
 */
public final class FailureCatalog {
    private static final Duration DAY = Duration.ofHours(24);

    private FailureCatalog() {
    }

    /** A refusal or fail reason from TikTok; {@code tiktokMessage} is appended where it helps. */
    public static Failure tiktok(String code, String tiktokMessage, String logId, Instant now) {
        String detail = tiktokMessage == null || tiktokMessage.isBlank() ? "" : " TikTok said: " + tiktokMessage;
        return switch (code) {
            case "spam_risk_too_many_posts" -> new Failure(code, logId,
                    "TikTok's daily post limit for this account is reached. The post will be retried after the limit resets.",
                    true, false, now.plus(DAY));
            case "spam_risk_too_many_pending_share" -> new Failure(code, logId,
                    "This TikTok account already has 5 drafts waiting in its inbox. Post or delete them in the TikTok app; "
                            + "the post will be retried later.", true, false, now.plus(DAY));
            case "reached_active_user_cap" -> new Failure(code, logId,
                    "TikTimer reached TikTok's daily limit of accounts it may publish for. This is TikTok's limit for our "
                            + "app, not yours; the post will be retried tomorrow.", true, false, now.plus(DAY));
            case "spam_risk_user_banned_from_posting" -> new Failure(code, logId,
                    "TikTok has banned this account from posting.", false, false, null);
            case "unaudited_client_can_only_post_to_private_accounts" -> new Failure(code, logId,
                    "TikTok only lets TikTimer post to private accounts for now. Make the TikTok account private, or post "
                            + "to the inbox instead.", false, false, null);
            case "privacy_level_option_mismatch" -> new Failure(code, logId,
                    "TikTok no longer offers the chosen privacy setting for this account. Choose the privacy again.",
                    false, false, null);
            case "url_ownership_unverified" -> new Failure(code, logId,
                    "TikTok cannot fetch the media because TikTimer's media host is not verified with TikTok. Please "
                            + "contact support.", false, false, null);
            case "scope_not_authorized", "scope_permission_missed" -> new Failure(code, logId,
                    "The TikTok account was connected without permission to post. Reconnect it and allow posting.",
                    false, false, null);
            case "access_token_invalid", "reconnect_required", "auth_removed" -> new Failure(code, logId,
                    "TikTok no longer accepts TikTimer's access to this account. Reconnect the TikTok account.",
                    false, false, null);
            case "invalid_params" -> new Failure(code, logId, "TikTok rejected the post's settings." + detail,
                    false, false, null);
            case "app_version_check_failed" -> new Failure(code, logId,
                    "Sending photos to the inbox needs TikTok app 31.8 or newer. Update the TikTok app and retry.",
                    false, false, null);
            case "file_format_check_failed" -> new Failure(code, logId,
                    "TikTok could not read the video file. Export it as MP4 (H.264) and upload it again.", false, false, null);
            case "duration_check_failed" -> new Failure(code, logId,
                    "TikTok refused the video's length for this account. Shorten the video.", false, false, null);
            case "frame_rate_check_failed" -> new Failure(code, logId,
                    "TikTok needs a frame rate between 23 and 60 fps. Re-export the video.", false, false, null);
            case "picture_size_check_failed" -> new Failure(code, logId,
                    "TikTok refused the picture size (each side must be 360 to 4096 pixels). Resize the media.",
                    false, false, null);
            case "internal", "internal_error" -> new Failure(code, logId,
                    "TikTok had an internal problem with this post. It will be retried.", true, false, null);
            case "video_pull_failed", "photo_pull_failed" -> new Failure(code, logId,
                    "TikTok could not download the media. It will be retried.", true, false, null);
            case "publish_cancelled" -> new Failure(code, logId, "The post was cancelled at TikTok.", false, false, null);
            case "spam_risk_text" -> new Failure(code, logId,
                    "TikTok judged the caption as spam. Change the caption.", false, false, null);
            case "spam_risk" -> new Failure(code, logId, "TikTok judged the post as risky and refused it.", false,
                    false, null);
            case "rate_limit_exceeded" -> new Failure(code, logId,
                    "TikTok kept refusing because of its rate limit. The post will be retried.", true, false, null);
            default -> new Failure(code, logId, "TikTok refused the post (" + code + ")." + detail, false, false, null);
        };
    }

    /** Codes TikTok uses for "try again later": the request had no effect. */
    public static boolean transientRefusal(int httpStatus, String code) {
        return httpStatus == 429 || httpStatus >= 500 || "rate_limit_exceeded".equals(code)
                || "internal_error".equals(code);
    }

    public static Failure ours(String code, String message, boolean retryable) {
        return new Failure(code, null, message, retryable, false, null);
    }

    public static Failure unknown(String code, String message) {
        return new Failure(code, null, message, false, true, null);
    }
}
