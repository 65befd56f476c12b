package io.tiktimer.post.service;

import io.tiktimer.contracts.PostFailed;
import io.tiktimer.contracts.PostPublished;
import io.tiktimer.contracts.PostPublishing;
import io.tiktimer.contracts.PublishOutcome;
import io.tiktimer.post.Post;
import io.tiktimer.post.PostStatus;
import io.tiktimer.post.config.PostConfig;
import io.tiktimer.post.repository.PostRepository;
import io.tiktimer.servicekit.messaging.Inbox;
import io.tiktimer.servicekit.time.Backoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Applies publisher-worker's facts to posts, each in one transaction with its consumed-event row. Facts about an older
 * attempt than the post's current one are recorded as consumed and otherwise ignored: the newer attempt decides.
 */
@ApplicationScoped
public class OutcomeService {

    private static final Logger LOG = Logger.getLogger(OutcomeService.class);

    private final PostRepository posts;
    private final Inbox inbox;
    private final PostConfig config;
    private final Backoff redispatchBackoff;
    private final Clock clock;

    public OutcomeService(PostRepository posts, Inbox inbox, PostConfig config, Clock clock) {
        this.posts = posts;
        this.inbox = inbox;
        this.config = config;
        this.redispatchBackoff = new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
        this.clock = clock;
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
        if (!inbox.firstDelivery(e)) {
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
            post.updatedAt = clock.instant();
        }
    }

    @Transactional
    public void onPublished(PostPublished e) {
        if (!inbox.firstDelivery(e)) {
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
        post.updatedAt = clock.instant();
    }

    @Transactional
    public void onFailed(PostFailed e) {
        if (!inbox.firstDelivery(e)) {
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
        post.updatedAt = clock.instant();
        if (e.outcomeUnknown()) {
            post.status = PostStatus.UNCONFIRMED;
        } else if (e.retryable() && post.attempt < config.retry().maxAttempts()) {
            post.status = PostStatus.SCHEDULED;
            Instant backoff = clock.instant().plus(redispatchBackoff.after(post.attempt));
            post.dueAt = e.retryNotBefore() != null && e.retryNotBefore().isAfter(backoff) ? e.retryNotBefore() : backoff;
        } else {
            post.status = PostStatus.FAILED;
        }
    }
}
