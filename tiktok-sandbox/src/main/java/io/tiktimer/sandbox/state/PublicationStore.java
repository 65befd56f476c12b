package io.tiktimer.sandbox.state;

import io.tiktimer.sandbox.PendingShareMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** All publish_ids, and the caps that are counted over them. */
public final class PublicationStore {
    private static final Duration DAY = Duration.ofHours(24);
    private final Map<String, Publication> byId = new ConcurrentHashMap<>();
    private final List<Publication> inOrder = new ArrayList<>();

    public synchronized void add(Publication publication) {
        byId.put(publication.publishId(), publication);
        inOrder.add(publication);
    }

    public Optional<Publication> find(String publishId) {
        return publishId == null ? Optional.empty() : Optional.ofNullable(byId.get(publishId));
    }

    public synchronized List<Publication> all() {
        return List.copyOf(inOrder);
    }

    /** The cap is the creator's and shared by every API client, so it is counted across apps. */
    public synchronized long directPostsInLastDay(String openId, Instant now) {
        return inOrder.stream()
                .filter(p -> p.openId().equals(openId) && p.mode() == Publication.Mode.DIRECT_POST)
                .filter(p -> p.createdAt().isAfter(now.minus(DAY)))
                .count();
    }

    public synchronized long pendingShares(String openId, Instant now, PendingShareMode mode) {
        return inOrder.stream()
                .filter(p -> p.openId().equals(openId) && p.mode() == Publication.Mode.MEDIA_UPLOAD)
                .filter(p -> mode == PendingShareMode.CONCURRENT || p.createdAt().isAfter(now.minus(DAY)))
                .filter(p -> {
                    PublishStatus status = p.statusAt(now);
                    return status != PublishStatus.PUBLISH_COMPLETE && status != PublishStatus.FAILED;
                })
                .count();
    }

    public synchronized boolean isActiveUser(String clientKey, String openId, Instant now) {
        return inOrder.stream().anyMatch(p -> p.clientKey().equals(clientKey) && p.openId().equals(openId)
                && p.createdAt().isAfter(now.minus(DAY)));
    }

    public synchronized long activeUsers(String clientKey, Instant now) {
        return inOrder.stream()
                .filter(p -> p.clientKey().equals(clientKey) && p.createdAt().isAfter(now.minus(DAY)))
                .map(Publication::openId)
                .distinct()
                .count();
    }

    public synchronized List<Publication> of(String clientKey, String openId) {
        return inOrder.stream().filter(p -> p.clientKey().equals(clientKey) && p.openId().equals(openId)).toList();
    }
}
