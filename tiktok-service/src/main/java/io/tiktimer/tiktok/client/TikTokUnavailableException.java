package io.tiktimer.tiktok.client;

/**
 * TikTok could not be reached or answered with a server-side failure (5xx, {@code server_error},
 * {@code temporarily_unavailable}, {@code internal_error}, a timeout). Never a reason to disconnect an account.
 */
public class TikTokUnavailableException extends RuntimeException {

    public TikTokUnavailableException(String message) {
        super(message);
    }

    public TikTokUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
