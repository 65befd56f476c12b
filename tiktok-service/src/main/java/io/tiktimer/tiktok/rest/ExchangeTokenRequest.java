package io.tiktimer.tiktok.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The manual flow: the code TikTok appended to the callback URL, and its state (optional, see the operation). */
public record ExchangeTokenRequest(@NotBlank @Size(max = 2048) String code, @Size(max = 512) String state) {
}
