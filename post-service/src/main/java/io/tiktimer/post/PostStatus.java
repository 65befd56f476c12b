package io.tiktimer.post;

import java.util.Arrays;
import java.util.Optional;

/**
 * A post's life. The original three ({@code scheduled}, {@code published}, {@code failed}) keep their names; the rest
 * are additive. Only {@link #DRAFT}, {@link #SCHEDULED}, {@link #FAILED} and {@link #CANCELLED} may be edited or deleted:
 * from {@link #QUEUED} on the post may already be at TikTok.
 */
public enum PostStatus {
    DRAFT, SCHEDULED, QUEUED, PUBLISHING, PUBLISHED, FAILED, UNCONFIRMED, CANCELLED;

    public String apiName() {
        return name().toLowerCase();
    }

    public static Optional<PostStatus> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName().equalsIgnoreCase(name)).findFirst();
    }

    /** Whether the user may still change or delete the post: nothing about it has left this service. */
    public boolean editable() {
        return this == DRAFT || this == SCHEDULED || this == FAILED || this == CANCELLED;
    }
}
