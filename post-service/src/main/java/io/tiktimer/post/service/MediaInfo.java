package io.tiktimer.post.service;

import io.tiktimer.contracts.MediaType;

/**
 * What the bytes of an upload turned out to be. Video fields are {@code null} for photos and for what the container
 * does not say.
 */
public record MediaInfo(
        MediaType kind,
        String container,
        String contentType,
        long sizeBytes,
        String sha256,
        Double durationSeconds,
        Integer width,
        Integer height,
        Double fps,
        String codec) {
}
