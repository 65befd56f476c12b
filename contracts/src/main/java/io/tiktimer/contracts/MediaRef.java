package io.tiktimer.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A media object in S3 as the publisher needs it: where to read it, how big it is and what it must hash to.
 *
 * @param durationSeconds video duration read from the container, {@code null} for photos
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MediaRef(
        long mediaId,
        String bucket,
        String key,
        String contentType,
        long sizeBytes,
        String sha256,
        Double durationSeconds) {
}
