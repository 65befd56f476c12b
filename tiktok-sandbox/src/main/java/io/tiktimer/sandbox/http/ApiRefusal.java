package io.tiktimer.sandbox.http;

/** Thrown by validation deep inside an endpoint to answer with a TikTok error at once. */
public final class ApiRefusal extends RuntimeException {
    private final transient ApiReply reply;

    public ApiRefusal(int status, String code, String message) {
        super(code + ": " + message, null, false, false);
        this.reply = ApiReply.error(status, code, message);
    }

    public ApiReply reply() {
        return reply;
    }
}
