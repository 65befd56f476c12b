package io.tiktimer.publisher.client;

import java.util.OptionalLong;

/**
 * Answer of one chunk PUT.
 *
 * @param httpStatus      0 when no answer arrived (the chunk may or may not be committed)
 * @param committedBytes  TikTok's progress from the {@code Content-Range: bytes 0-N/T} header (N + 1), if present
 */
public record UploadReply(int httpStatus, OptionalLong committedBytes, String failure) {

    public static UploadReply noAnswer(String failure) {
        return new UploadReply(0, OptionalLong.empty(), failure);
    }
}
