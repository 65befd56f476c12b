package io.tiktimer.tiktok.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tiktimer.contracts.UserDeleted;
import io.tiktimer.servicekit.messaging.PoisonMessageException;
import io.tiktimer.tiktok.service.UserDeletionService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.io.IOException;
import java.time.temporal.ChronoUnit;

/**
 * {@code user.deleted} (group {@code tiktok-service}). A message that cannot be read goes to
 * {@code user.deleted.tiktok-service.dlq} at once; any other failure (the database away) is retried with backoff for
 * up to ten minutes, because a dead-lettered deletion would leave the user's TikTok tokens stored. Offsets are
 * committed only after the effect committed, and redeliveries are absorbed by the consumed_event row.
 */
@ApplicationScoped
public class UserDeletedConsumer {

    private final ObjectMapper mapper;
    private final UserDeletionService deletion;

    public UserDeletedConsumer(ObjectMapper mapper, UserDeletionService deletion) {
        this.mapper = mapper;
        this.deletion = deletion;
    }

    @Incoming("user-deleted-in")
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 10, durationUnit = ChronoUnit.MINUTES,
            abortOn = PoisonMessageException.class)
    @ExponentialBackoff(maxDelay = 15, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(String payload) {
        deletion.handle(parse(payload));
    }

    private UserDeleted parse(String payload) {
        try {
            UserDeleted event = mapper.readValue(payload, UserDeleted.class);
            if (!UserDeleted.TYPE.equals(event.type()) || event.version() != UserDeleted.VERSION) {
                throw new PoisonMessageException("Unsupported event " + event.type() + " v" + event.version(), null);
            }
            return event;
        } catch (IOException e) {
            throw new PoisonMessageException("Unreadable user.deleted: " + e.getMessage(), e);
        }
    }
}
