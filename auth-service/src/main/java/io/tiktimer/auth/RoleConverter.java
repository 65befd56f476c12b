package io.tiktimer.auth;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Keeps the column in the seed's lower-case spelling rather than the enum constant's. */
@Converter(autoApply = true)
public class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.value();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        return value == null ? null : Role.of(value);
    }
}
