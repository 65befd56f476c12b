package io.tiktimer.contracts;

/** Where a successful publish ended. */
public enum PublishOutcome {
    /** Live on the creator's profile ({@code PUBLISH_COMPLETE}). */
    PUBLISHED,
    /** Delivered to the creator's TikTok inbox ({@code SEND_TO_USER_INBOX}); the creator finishes it in the app. */
    INBOX_DELIVERED
}
