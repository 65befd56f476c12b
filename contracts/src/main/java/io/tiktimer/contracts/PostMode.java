package io.tiktimer.contracts;

/** How a post reaches TikTok. */
public enum PostMode {
    /** Published straight to the creator's profile (TikTok Direct Post, scope {@code video.publish}). */
    DIRECT_POST,
    /** Sent to the creator's TikTok inbox as a draft they finish in the app (scope {@code video.upload}). */
    INBOX
}
