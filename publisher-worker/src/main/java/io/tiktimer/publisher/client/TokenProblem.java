package io.tiktimer.publisher.client;

/** Why tiktok-service could not hand out a token. */
public final class TokenProblem extends RuntimeException {

    public enum Kind {
        /** 409 reconnect_required: the user must connect the account again. */
        RECONNECT_REQUIRED,
        /** 404: unknown account, or not this user's. */
        ACCOUNT_NOT_FOUND,
        /** 5xx, timeouts, tiktok-service down or TikTok unreachable for a refresh: try again later. */
        UNAVAILABLE
    }

    private final Kind kind;

    public TokenProblem(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
