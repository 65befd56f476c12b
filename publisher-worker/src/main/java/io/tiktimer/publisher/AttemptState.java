package io.tiktimer.publisher;

import java.util.Set;

/**
 * Where one publish attempt stands. The state is persisted before every step that can have an effect at TikTok, so
 * after a crash the state alone says what is safe to do next.
 */
public enum AttemptState {
    /** Recorded from post.due; nothing was sent to TikTok's init endpoint yet. Everything up to init is safe to repeat. */
    RECEIVED,
    /** The init request is (or may be) on the wire. Found in this state after a crash, the outcome is unknown. */
    INIT_SENDING,
    /** TikTok accepted the init; publish_id is stored. Chunks are being sent; resumable from TikTok's progress. */
    UPLOADING,
    /** All bytes are at TikTok (or TikTok pulls them); polling status/fetch until a terminal status or the deadline. */
    PROCESSING,
    /** TikTok reported PUBLISH_COMPLETE. A late check may still be looking for the public post id. */
    PUBLISHED,
    /** TikTok reported SEND_TO_USER_INBOX: the creator finishes the post in the TikTok app. */
    INBOX_DELIVERED,
    /** TikTok refused or failed the post, or a check before init did. */
    FAILED,
    /** The post may or may not be live at TikTok; reported so, never retried automatically. */
    UNCONFIRMED;

    public static final Set<AttemptState> ACTIVE = Set.of(RECEIVED, INIT_SENDING, UPLOADING, PROCESSING);

    public boolean terminal() {
        return !ACTIVE.contains(this);
    }
}
