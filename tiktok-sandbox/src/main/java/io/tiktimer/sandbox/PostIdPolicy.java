package io.tiktimer.sandbox;

/** When status/fetch fills {@code publicaly_available_post_id}; peers saw it stay empty even for public posts. */
public enum PostIdPolicy {
    AFTER_MODERATION_FOR_PUBLIC_POSTS,
    NEVER,
    RANDOM
}
