package io.tiktimer.tiktok.rest;

/** Seed-compatible {@code {"message": "..."}}. */
public record MessageResponse(String message) {
}
