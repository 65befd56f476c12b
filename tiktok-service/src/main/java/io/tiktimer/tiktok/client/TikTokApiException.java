package io.tiktimer.tiktok.client;

/** A v2 API call whose envelope carried {@code error.code != "ok"} (§5.1), with TikTok's HTTP status and log id. */
public class TikTokApiException extends RuntimeException {

    private final int httpStatus;
    private final String code;
    private final String logId;

    public TikTokApiException(int httpStatus, String code, String message, String logId) {
        super("TikTok API error " + code + " (HTTP " + httpStatus + ", log_id " + logId + "): " + message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.logId = logId;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public String logId() {
        return logId;
    }

    /** 401 access_token_invalid: the token is dead; a refresh may help once. */
    public boolean accessTokenInvalid() {
        return "access_token_invalid".equals(code);
    }

    public boolean scopeNotAuthorized() {
        return "scope_not_authorized".equals(code);
    }

    public boolean rateLimited() {
        return httpStatus == 429 || "rate_limit_exceeded".equals(code);
    }
}
