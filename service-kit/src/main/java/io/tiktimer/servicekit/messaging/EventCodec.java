package io.tiktimer.servicekit.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tiktimer.contracts.Event;
import io.tiktimer.contracts.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The JSON of the contracts' events, for every service. A mapper of its own, so settings made for a REST API
 * (snake_case DTOs, the fast instant serializer) can never change what goes on the wire between services; the golden
 * fixtures in {@code contracts} pin this format.
 * <p>
 * Reading refuses what the consumer cannot understand with {@link PoisonMessageException}, which dead-letters the
 * record at once instead of retrying it: text that is not JSON, JSON that is not the expected record, and an event
 * whose {@code type} or {@code version} is not the one this code reads.
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

    /** Reads one event of the given type; anything else is a {@link PoisonMessageException}. */
    public <T extends Event> T read(String json, Class<T> type) {
        EventTypes.Descriptor expected = EventTypes.of(type);
        JsonNode node = tree(json);
        String actualType = node.path("type").asText(null);
        int actualVersion = node.path("version").asInt(-1);
        if (!expected.type().equals(actualType) || actualVersion != expected.version()) {
            throw new PoisonMessageException("Expected " + expected.type() + " v" + expected.version() + " but got "
                    + actualType + " v" + actualVersion, null);
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // a record constructor refusing a value (a missing eventId) is as unreadable as broken JSON
            throw new PoisonMessageException("Invalid " + expected.type() + ": " + e.getMessage(), e);
        }
    }

    /** Reads an event of whichever known type its {@code type} names, e.g. one stored to be sent again. */
    public Event readAny(String json) {
        String type = tree(json).path("type").asText(null);
        return read(json, EventTypes.byType(type)
                .orElseThrow(() -> new PoisonMessageException("Unknown event type " + type, null)).recordClass());
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    private JsonNode tree(String json) {
        if (json == null || json.isBlank()) {
            throw new PoisonMessageException("Empty event", null);
        }
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || !node.isObject()) {
                throw new PoisonMessageException("An event is a JSON object", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Malformed event: " + e.getOriginalMessage(), e);
        }
    }
}
