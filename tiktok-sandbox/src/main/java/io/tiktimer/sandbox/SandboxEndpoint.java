package io.tiktimer.sandbox;

/** Every TikTok endpoint the sandbox serves; faults, rate limits and read-outs are keyed by it. */
public enum SandboxEndpoint {
    AUTHORIZE("/v2/auth/authorize/", 0),
    OAUTH_TOKEN("/v2/oauth/token/", 0),
    OAUTH_REVOKE("/v2/oauth/revoke/", 0),
    USER_INFO("/v2/user/info/", 600),
    CREATOR_INFO("/v2/post/publish/creator_info/query/", 20),
    VIDEO_INIT("/v2/post/publish/video/init/", 6),
    INBOX_VIDEO_INIT("/v2/post/publish/inbox/video/init/", 6),
    CONTENT_INIT("/v2/post/publish/content/init/", 6),
    STATUS_FETCH("/v2/post/publish/status/fetch/", 30),
    CANCEL("/v2/post/publish/cancel/", 0),
    UPLOAD("/video/", 0);

    private final String path;
    private final int defaultRequestsPerMinute;

    SandboxEndpoint(String path, int defaultRequestsPerMinute) {
        this.path = path;
        this.defaultRequestsPerMinute = defaultRequestsPerMinute;
    }

    public String path() {
        return path;
    }

    /** 0 means TikTok documents no limit for this endpoint. */
    public int defaultRequestsPerMinute() {
        return defaultRequestsPerMinute;
    }

    public boolean isPostInit() {
        return this == VIDEO_INIT || this == INBOX_VIDEO_INIT || this == CONTENT_INIT;
    }
}
