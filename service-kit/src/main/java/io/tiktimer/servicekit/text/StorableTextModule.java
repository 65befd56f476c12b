package io.tiktimer.servicekit.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every JSON string a service reads through Quarkus' ObjectMapper (all REST bodies) is checked by
 * {@link StorableText}: one place instead of a check on each field of each request record. The failure carries the
 * JSON path, so the answer names the field ({@code UnreadableJsonMapper}).
 */
@Singleton
public class StorableTextModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("storable-text").addDeserializer(String.class, new Checked()));
    }

    /** Jackson's own string reading (coercions included), then the check. */
    static final class Checked extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            String why = StorableText.whyNot(value);
            if (why != null) {
                throw new UnstorableTextException(p, why);
            }
            return value;
        }
    }

    /** A string that is valid JSON but not text we can store; its message is fit for the client. */
    public static final class UnstorableTextException extends JsonMappingException {
        private final String reason;

        UnstorableTextException(JsonParser p, String reason) {
            super(p, reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
