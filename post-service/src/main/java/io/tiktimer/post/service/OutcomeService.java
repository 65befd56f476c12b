package io.tiktimer.post.service;

import io.tiktimer.contracts.PostFailed;
import io.tiktimer.contracts.PostPublished;
import io.tiktimer.contracts.PostPublishing;
import io.tiktimer.contracts.PublishOutcome;
import io.tiktimer.post.Post;
import io.tiktimer.post.PostStatus;
import io.tiktimer.post.config.PostConfig;
import io.tiktimer.post.repository.ConsumedEventRepository;
import io.tiktimer.post.repository.PostRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * Applies publisher-worker's facts to posts, each in one transaction with its consumed-event row. Facts about an older
 * attempt than the post's current one are recorded as consumed and otherwise ignored: the newer attempt decides.
 */
@ApplicationScoped
public class OutcomeService {

    private static final Logger LOG = Logger.getLogger(OutcomeService.class);

    private final PostRepository posts;
    private final ConsumedEventRepository consumed;
    private final PostConfig config;

    public OutcomeService(PostRepository posts, ConsumedEventRepository consumed, PostConfig config) {
        this.posts = posts;
        this.consumed = consumed;
        this.config = config;
    }

    private Post lockedCurrent(long postId, int attempt) {
        Post post = posts.findById(postId, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            LOG.debugf("Outcome for unknown post %d (deleted?): ignored", postId);
            return null;
        }
        if (attempt != post.attempt) {
            LOG.infof("Outcome of attempt %d for post %d ignored: current attempt is %d", attempt, postId, post.attempt);
            return null;
        }
        return post;
    }

    @Transactional
    public void onPublishing(PostPublishing e) {
        if (!consumed.markConsumed(e.eventId(), e.type())) {
            return;
        }
        Post post = lockedCurrent(e.postId(), e.attempt());
        if (post == null) {
            return;
        }
        post.publishId = e.publishId();
        if (post.status == PostStatus.QUEUED) {
            post.status = PostStatus.PUBLISHING;
            post.publishingAt = e.occurredAt();
            post.updatedAt = Instant.now();
        }
    }

    @Transactional
    public void onPublished(PostPublished e) {
        if (!consumed.markConsumed(e.eventId(), e.type())) {
            return;
        }
        Post post = lockedCurrent(e.postId(), e.attempt());
        if (post == null) {
            return;
        }
        // published is final; a later report of the same attempt only fills in the public id and URL
        post.status = PostStatus.PUBLISHED;
        post.publishId = e.publishId();
        post.publishOutcome = e.outcome() == PublishOutcome.INBOX_DELIVERED ? "inbox_delivered" : "published";
        if (e.publicPostId() != null) {
            post.publicPostId = e.publicPostId();
        }
        if (e.shareUrl() != null) {
            post.shareUrl = e.shareUrl();
        }
        if (post.publishedAt == null) {
            post.publishedAt = e.occurredAt();
        }
        post.errorCode = null;
        post.errorMessage = null;
        post.updatedAt = Instant.now();
    }

    @Transactional
    public void onFailed(PostFailed e) {
        if (!consumed.markConsumed(e.eventId(), e.type())) {
            return;
        }
        Post post = lockedCurrent(e.postId(), e.attempt());
        if (post == null || post.status == PostStatus.PUBLISHED) {
            return;
        }
        post.errorCode = e.errorCode();
        post.errorMessage = e.message();
        if (e.publishId() != null) {
            post.publishId = e.publishId();
        }
        post.updatedAt = Instant.now();
        if (e.outcomeUnknown()) {
            post.status = PostStatus.UNCONFIRMED;
        } else if (e.retryable() && post.attempt < config.retry().maxAttempts()) {
            post.status = PostStatus.SCHEDULED;
            Instant backoff = Instant.now().plus(backoff(post.attempt));
            post.dueAt = e.retryNotBefore() != null && e.retryNotBefore().isAfter(backoff) ? e.retryNotBefore() : backoff;
        } else {
            post.status = PostStatus.FAILED;
        }
    }

    /** initial × 2^(attempt-1), capped. */
    Duration backoff(int attempt) {
        Duration initial = config.retry().initialBackoff();
        Duration max = config.retry().maxBackoff();
        int shift = Math.min(Math.max(attempt - 1, 0), 20);
        Duration d = initial.multipliedBy(1L << shift);
        return d.compareTo(max) > 0 ? max : d;
    }
}
