package io.tiktimer.tiktok.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Seed-compatible: {@code {"authorization_url": "..."}}. */
public record AuthorizeResponse(@JsonProperty("authorization_url") String authorizationUrl) {
}
