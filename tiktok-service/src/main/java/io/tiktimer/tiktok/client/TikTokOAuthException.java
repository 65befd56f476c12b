package io.tiktimer.tiktok.client;

/**
 * TikTok answered an OAuth call with an error body ({@code {"error", "error_description", "log_id"}}), whatever the
 * HTTP status. Only {@code invalid_grant} means the grant itself is dead; everything else is ours or TikTok's problem.
 */
public class TikTokOAuthException extends RuntimeException {

    private final String error;
    private final String logId;

    public TikTokOAuthException(String error, String description, String logId) {
        super("TikTok OAuth error " + error + ": " + description + " (log_id " + logId + ")");
        this.error = error;
        this.logId = logId;
    }

    public String error() {
        return error;
    }

    public String logId() {
        return logId;
    }

    public boolean invalidGrant() {
        return "invalid_grant".equals(error);
    }
}
