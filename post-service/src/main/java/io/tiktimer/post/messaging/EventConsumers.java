package io.tiktimer.post.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.tiktimer.contracts.PostFailed;
import io.tiktimer.contracts.PostPublished;
import io.tiktimer.contracts.PostPublishing;
import io.tiktimer.contracts.TikTokAccountChanged;
import io.tiktimer.contracts.UserDeleted;
import io.tiktimer.post.mapping.EventCodec;
import io.tiktimer.post.service.AccountService;
import io.tiktimer.post.service.OutcomeService;
import io.tiktimer.post.service.UserDataService;
import io.tiktimer.servicekit.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

/**
 * Kafka consumers (group {@code post-service}, see application.properties). Each handler runs its effect and the
 * consumed-event mark in one transaction; the message is acknowledged only after that commit, and offsets are committed
 * (throttled) only for acknowledged messages.
 * <p>
 * A message that cannot be parsed (the codec's {@link PoisonMessageException}) goes to the group's dead-letter topic
 * at once. Any other failure is retried with exponential backoff for up to ten minutes, which outlasts a database
 * restart or failover: sending a valid outcome to the dead-letter topic because PostgreSQL was briefly away would
 * leave its post stuck in {@code publishing} until the sweeper calls it unconfirmed. Meanwhile the partition waits (in
 * order) and the throttled commit strategy reports the channel unhealthy once a record waits longer than its
 * unprocessed-record-max-age (60 s by default).
 */
@ApplicationScoped
@Retry(maxRetries = -1, delay = 200, maxDuration = 10, durationUnit = ChronoUnit.MINUTES,
        abortOn = PoisonMessageException.class)
@ExponentialBackoff(maxDelay = 15, maxDelayUnit = ChronoUnit.SECONDS)
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
        outcomes.onPublishing(codec.read(json, PostPublishing.class));
    }

    @Incoming("post-published")
    @Blocking
    public void onPublished(String json) {
        outcomes.onPublished(codec.read(json, PostPublished.class));
    }

    @Incoming("post-failed")
    @Blocking
    public void onFailed(String json) {
        outcomes.onFailed(codec.read(json, PostFailed.class));
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
