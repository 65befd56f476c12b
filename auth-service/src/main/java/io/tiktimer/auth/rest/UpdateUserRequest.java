package io.tiktimer.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** PATCH /users/me: any of email and password; either change needs the current password. */
public record UpdateUserRequest(
        @Email @Size(max = 254) String email,
        String password,
        @JsonProperty("current_password") String currentPassword) {
}
