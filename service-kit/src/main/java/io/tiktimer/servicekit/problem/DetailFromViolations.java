package io.tiktimer.servicekit.problem;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * quarkus-resteasy-problem answers Bean Validation failures with {@code violations} but no {@code detail}, and the
 * original API's clients read {@code detail}: every problem without one gets a detail made of its violations
 * ({@code "email: must be a well-formed email address; username: ..."}). The library keeps the violations in a field
 * it does not expose, so its own serializer writes the problem and this one completes what it wrote.
 */
@Singleton
public class DetailFromViolations implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("problem-detail").setSerializerModifier(new BeanSerializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                                                      JsonSerializer<?> serializer) {
                return HttpProblem.class.isAssignableFrom(description.getBeanClass())
                        ? new Completing((JsonSerializer<Object>) serializer) : serializer;
            }
        }));
    }

    static final class Completing extends StdSerializer<Object> {
        private final JsonSerializer<Object> library;

        Completing(JsonSerializer<Object> library) {
            super(Object.class);
            this.library = library;
        }

        @Override
        public void serialize(Object problem, JsonGenerator out, SerializerProvider provider) throws IOException {
            TokenBuffer written = new TokenBuffer(out.getCodec(), false);
            library.serialize(problem, written, provider);
            JsonNode node = written.asParser(out.getCodec()).readValueAsTree();
            if (node instanceof ObjectNode object && object.path("detail").asText("").isBlank()
                    && object.path("violations").isArray() && !object.path("violations").isEmpty()) {
                List<String> parts = new ArrayList<>();
                object.path("violations").forEach(v -> parts.add(
                        (v.path("field").asText("").isEmpty() ? "" : v.path("field").asText() + ": ")
                                + v.path("message").asText()));
                object.put("detail", String.join("; ", parts));
            }
            out.writeTree(node);
        }
    }
}
