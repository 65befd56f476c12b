package io.tiktimer.post.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tiktimer.contracts.Event;
import io.tiktimer.servicekit.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * JSON of the contracts' events. A mapper of its own, so settings for the REST API (snake_case DTOs) can never change
 * what goes on the wire between services; the golden fixtures pin this format.
 */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String write(Event event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.type(), e);
        }
    }

    /** Throws {@link PoisonMessageException} on malformed input: the consumer dead-letters the record at once. */
    public <T extends Event> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Malformed " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
