package io.tiktimer.auth.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The seed's registration body. Password length and deny-list are checked by the password policy. */
public record RegisterRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Pattern(regexp = "[A-Za-z0-9_.-]{3,50}",
                message = "must be 3 to 50 letters, digits, '_', '.' or '-'") String username,
        @NotNull String password) {
}
