package io.tiktimer.sandbox;

import java.time.Duration;

/**
 * One injected misbehaviour of an endpoint. Faults that fire "before the effect" model a request TikTok never
 * processed; the others model a request TikTok processed but whose answer the client never (or late) sees,
 * which is exactly the "unknown outcome" a correct client must not blindly repeat.
 */
public final class Fault {
    public enum Kind {
        SERVER_ERROR,
        RATE_LIMITED,
        ERROR_WITH_HTTP_200,
        SLOW_RESPONSE,
        DROP_CONNECTION_AFTER_EFFECT
    }

    private final Kind kind;
    private final int httpStatus;
    private final String errorCode;
    private final String message;
    private final Duration delay;

    private Fault(Kind kind, int httpStatus, String errorCode, String message, Duration delay) {
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.message = message;
        this.delay = delay;
    }

    /** 500, 502, 503 or 504 with {@code internal_error}; nothing is changed. */
    public static Fault serverError(int httpStatus) {
        return new Fault(Kind.SERVER_ERROR, httpStatus, "internal_error", "Something went wrong. Please try again later.", Duration.ZERO);
    }

    /**
     * 429 {@code rate_limit_exceeded} although the caller kept within the documented limit: TikTok's limits are per
     * token and window as TikTok counts them, which a client never sees exactly. Nothing is changed.
     */
    public static Fault rateLimited() {
        return new Fault(Kind.RATE_LIMITED, 429, "rate_limit_exceeded",
                "API rate limit was exceeded, please retry later.", Duration.ZERO);
    }

    /** An error body with HTTP 200, as peers observed; nothing is changed. */
    public static Fault errorWithHttp200(String errorCode, String message) {
        return new Fault(Kind.ERROR_WITH_HTTP_200, 200, errorCode, message, Duration.ZERO);
    }

    /** The request takes effect, but the answer arrives only after {@code delay}: a client timeout. */
    public static Fault slowResponse(Duration delay) {
        return new Fault(Kind.SLOW_RESPONSE, 0, null, null, delay);
    }

    /** The request takes effect (an init is accepted, a chunk committed), then the connection is closed unanswered. */
    public static Fault dropConnectionAfterEffect() {
        return new Fault(Kind.DROP_CONNECTION_AFTER_EFFECT, 0, null, null, Duration.ZERO);
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }

    public String message() {
        return message;
    }

    public Duration delay() {
        return delay;
    }

    public boolean preventsEffect() {
        return kind == Kind.SERVER_ERROR || kind == Kind.RATE_LIMITED || kind == Kind.ERROR_WITH_HTTP_200;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SERVER_ERROR -> "serverError(" + httpStatus + ")";
            case RATE_LIMITED -> "rateLimited";
            case ERROR_WITH_HTTP_200 -> "errorWithHttp200(" + errorCode + ")";
            case SLOW_RESPONSE -> "slowResponse(" + delay + ")";
            case DROP_CONNECTION_AFTER_EFFECT -> "dropConnectionAfterEffect";
        };
    }
}
