package io.tiktimer.servicekit.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Quarkus' ObjectMapper (REST bodies in every service) writes instants with {@link IsoInstantSerializer}: the same text,
 * less CPU. Event codecs build their own mappers and keep Jackson's serializer.
 */
@Singleton
public class FastInstants implements ObjectMapperCustomizer {

    /** After Quarkus' own customizers, which register Jackson's JavaTimeModule: the serializer added last wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("tiktimer-instants").addSerializer(Instant.class, new IsoInstantSerializer()));
    }
}
