package io.tiktimer.tiktok.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tiktimer.contracts.UserDeleted;
import io.tiktimer.tiktok.service.UserDeletionService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.io.IOException;

/**
 * {@code user.deleted} (group {@code tiktok-service}). A message that cannot be read or handled goes to
 * {@code user.deleted.tiktok-service.dlq} (failure-strategy dead-letter-queue); offsets are committed only after the
 * effect committed, and redeliveries are absorbed by the consumed_event row.
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
    public void consume(String payload) throws IOException {
        UserDeleted event = mapper.readValue(payload, UserDeleted.class);
        if (!UserDeleted.TYPE.equals(event.type()) || event.version() != UserDeleted.VERSION) {
            throw new IllegalArgumentException("Unsupported event " + event.type() + " v" + event.version());
        }
        deletion.handle(event);
    }
}
