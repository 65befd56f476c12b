package io.tiktimer.servicekit.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A JSON string that is empty or only blank (NUL included: Jackson trims everything up to U+0020) is not a number or
 * a boolean. Jackson's default reads it as {@code null} for wrapper types, which for a PATCH means "leave unchanged":
 * {@code "tiktok_account_id": "\u0000"} was answered 200 as if nothing had been sent. Refused instead, so that
 * {@code UnreadableJsonMapper} answers 400 naming the field.
 */
@Singleton
public class StrictScalars implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
    }
}
