package io.tiktimer.post;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the lower-case API names, so SQL written by hand (dispatcher, sweeper, indexes) reads like the API. */
@Converter(autoApply = true)
public class PostStatusConverter implements AttributeConverter<PostStatus, String> {
    @Override
    public String convertToDatabaseColumn(PostStatus status) {
        return status == null ? null : status.apiName();
    }

    @Override
    public PostStatus convertToEntityAttribute(String value) {
        return value == null ? null : PostStatus.valueOf(value.toUpperCase());
    }
}
