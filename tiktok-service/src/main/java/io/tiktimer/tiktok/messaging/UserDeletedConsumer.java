package io.tiktimer.tiktok.messaging;

import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tiktimer.contracts.UserDeleted;
import io.tiktimer.servicekit.messaging.ConsumerRetry;
import io.tiktimer.servicekit.messaging.EventCodec;
import io.tiktimer.tiktok.service.UserDeletionService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code user.deleted} (group {@code tiktok-service}). Failures follow {@link ConsumerRetry}: a message that cannot be
 * read goes to {@code user.deleted.tiktok-service.dlq} at once; anything else (the database away) is retried with
 * backoff, because a dead-lettered deletion would leave the user's TikTok tokens stored. Offsets are committed only
 * after the effect committed, and redeliveries are absorbed by the inbox.
 */
@ApplicationScoped
public class UserDeletedConsumer {

    private final EventCodec codec;
    private final UserDeletionService deletion;

    public UserDeletedConsumer(EventCodec codec, UserDeletionService deletion) {
        this.codec = codec;
        this.deletion = deletion;
    }

    @Incoming("user-deleted-in")
    @Blocking
    @ApplyGuard(ConsumerRetry.NAME)
    public void consume(String payload) {
        deletion.handle(codec.read(payload, UserDeleted.class));
    }
}
