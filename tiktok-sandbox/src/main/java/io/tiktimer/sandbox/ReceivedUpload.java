package io.tiktimer.sandbox;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** A FILE_UPLOAD whose last chunk arrived: what exactly TikTok would now publish. */
public record ReceivedUpload(
        String publishId,
        String clientKey,
        String openId,
        long byteCount,
        String sha256Hex,
        int chunkCount,
        String contentType,
        Instant completedAt,
        Optional<Path> storedFile) {
}
