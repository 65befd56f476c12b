package io.tiktimer.servicekit.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast serializer must write exactly what Jackson's own Instant serializer writes, for any instant. */
class IsoInstantSerializerTest {

    private final ObjectMapper standard = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ObjectMapper fast = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .registerModule(new SimpleModule().addSerializer(Instant.class, new IsoInstantSerializer()));

    @Test
    void writesWhatJacksonWritesForEdgesAndEveryFractionLength() throws Exception {
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.EPOCH, Instant.parse("1970-01-01T00:00:00.000000001Z"), Instant.parse("2000-02-29T23:59:59Z"),
                Instant.parse("2030-06-01T12:00:00Z"), Instant.parse("2030-06-01T12:00:00.100Z"),
                Instant.parse("2030-06-01T12:00:00.120300Z"), Instant.parse("2030-06-01T12:00:00.123456789Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("0001-01-01T00:00:00Z"), Instant.MIN, Instant.MAX));
        for (Instant instant : instants) {
            assertThat(fast.writeValueAsString(instant)).as(instant.toString()).isEqualTo(standard.writeValueAsString(instant));
        }
    }

    @Test
    void writesWhatJacksonWritesForRandomInstantsOfAnyPrecision() throws Exception {
        Random random = new Random(20261127);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(fast.writeValueAsString(instant)).as(instant.toString()).isEqualTo(standard.writeValueAsString(instant));
        }
    }
}
