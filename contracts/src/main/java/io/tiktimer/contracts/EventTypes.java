package io.tiktimer.contracts;

import java.util.Map;
import java.util.Optional;

/**
 * The event types by the name they carry in {@code type}, with the version this code reads. A consumer uses it to
 * refuse (dead-letter) an event it does not understand, and the outbox to re-send a stored event it only has as JSON.
 */
public final class EventTypes {

    /** One event type: its record, its {@code type} name and the one {@code version} this code reads and writes. */
    public record Descriptor(Class<? extends Event> recordClass, String type, int version) {
    }

    private static final Map<String, Descriptor> BY_TYPE = Map.of(
            PostDue.TYPE, new Descriptor(PostDue.class, PostDue.TYPE, PostDue.VERSION),
            PostPublishing.TYPE, new Descriptor(PostPublishing.class, PostPublishing.TYPE, PostPublishing.VERSION),
            PostPublished.TYPE, new Descriptor(PostPublished.class, PostPublished.TYPE, PostPublished.VERSION),
            PostFailed.TYPE, new Descriptor(PostFailed.class, PostFailed.TYPE, PostFailed.VERSION),
            UserDeleted.TYPE, new Descriptor(UserDeleted.class, UserDeleted.TYPE, UserDeleted.VERSION),
            TikTokAccountChanged.TYPE, new Descriptor(TikTokAccountChanged.class, TikTokAccountChanged.TYPE,
                    TikTokAccountChanged.VERSION),
            SessionsRevoked.TYPE, new Descriptor(SessionsRevoked.class, SessionsRevoked.TYPE, SessionsRevoked.VERSION));

    private EventTypes() {
    }

    public static Optional<Descriptor> byType(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    public static Descriptor of(Class<? extends Event> recordClass) {
        return BY_TYPE.values().stream().filter(d -> d.recordClass() == recordClass).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(recordClass.getSimpleName() + " is not an event type"));
    }
}
