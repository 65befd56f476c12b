package io.tiktimer.auth.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiktimer.auth.repository.OutboxRepository;
import io.tiktimer.contracts.Event;
import jakarta.enterprise.context.ApplicationScoped;

/** Queues an event in the caller's transaction; the relay publishes it once that transaction has committed. */
@ApplicationScoped
public class EventOutbox {

    private final OutboxRepository outbox;
    private final ObjectMapper json;

    public EventOutbox(OutboxRepository outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public void append(String topic, Event event) {
        try {
            outbox.insert(event.eventId(), topic, event.kafkaKey(), json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(event.type() + " cannot be serialised", e);
        }
    }
}
