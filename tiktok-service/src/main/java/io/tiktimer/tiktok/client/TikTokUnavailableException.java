package io.tiktimer.tiktok.client;

/**
 * TikTok could not be reached or answered with a server-side failure (5xx, {@code server_error},
 * {@code temporarily_unavailable}, {@code internal_error}, a timeout). Never a reason to disconnect an account.
 * {@link #retryable()} says whether sending the same request again is safe: not when a call with an effect may have
 * reached TikTok and only its answer was lost.
 */
public class TikTokUnavailableException extends RuntimeException {

    private final boolean retryable;

    public TikTokUnavailableException(String message) {
        this(message, null, true);
    }

    public TikTokUnavailableException(String message, Throwable cause) {
        this(message, cause, true);
    }

    public TikTokUnavailableException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
