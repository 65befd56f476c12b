package io.tiktimer.post.service;

/** The upload is not something TikTok would take; {@code code} is stable for clients, the message is for people. */
public class MediaRejectedException extends RuntimeException {
    private final String code;

    public MediaRejectedException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
