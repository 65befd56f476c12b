package io.tiktimer.post.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.tiktimer.contracts.PostFailed;
import io.tiktimer.contracts.PostPublished;
import io.tiktimer.contracts.PostPublishing;
import io.tiktimer.contracts.TikTokAccountChanged;
import io.tiktimer.contracts.UserDeleted;
import io.tiktimer.servicekit.messaging.EventCodec;
import io.tiktimer.post.service.AccountService;
import io.tiktimer.post.service.OutcomeService;
import io.tiktimer.post.service.UserDataService;
import io.tiktimer.servicekit.logging.LogContext;
import io.tiktimer.servicekit.messaging.ConsumerRetry;
import io.tiktimer.servicekit.messaging.EventCodec;
import io.tiktimer.servicekit.messaging.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Kafka consumers (group {@code post-service}, see application.properties). Each handler runs its effect and the
 * {@link Inbox} mark in one transaction; the message is acknowledged only after that commit, and offsets are committed
 * (throttled) only for acknowledged messages. Failures follow {@link ConsumerRetry}: an unreadable record is
 * dead-lettered at once, anything else retried with backoff while the partition waits.
 */
@ApplicationScoped
@ApplyGuard(ConsumerRetry.NAME)
public class EventConsumers {

    private final EventCodec codec;
    private final OutcomeService outcomes;
    private final AccountService accounts;
    private final UserDataService users;

    public EventConsumers(EventCodec codec, OutcomeService outcomes, AccountService accounts, UserDataService users) {
        this.codec = codec;
        this.outcomes = outcomes;
        this.accounts = accounts;
        this.users = users;
    }

    @Incoming("post-publishing")
    @Blocking
    public void onPublishing(String json) {
        PostPublishing e = codec.read(json, PostPublishing.class);
        try (LogContext ignored = LogContext.post(e.postId(), e.tiktokAccountId())) {
            outcomes.onPublishing(e);
        }
    }

    @Incoming("post-published")
    @Blocking
    public void onPublished(String json) {
        PostPublished e = codec.read(json, PostPublished.class);
        try (LogContext ignored = LogContext.post(e.postId(), e.tiktokAccountId())) {
            outcomes.onPublished(e);
        }
    }

    @Incoming("post-failed")
    @Blocking
    public void onFailed(String json) {
        PostFailed e = codec.read(json, PostFailed.class);
        try (LogContext ignored = LogContext.post(e.postId(), e.tiktokAccountId())) {
            outcomes.onFailed(e);
        }
    }

    @Incoming("tiktok-account")
    @Blocking
    public void onAccountChanged(String json) {
        accounts.onAccountChanged(codec.read(json, TikTokAccountChanged.class));
    }

    @Incoming("user-deleted")
    @Blocking
    public void onUserDeleted(String json) {
        users.onUserDeleted(codec.read(json, UserDeleted.class));
    }
}
