package io.tiktimer.sandbox;

import java.time.Instant;

/** One authenticated call to an init endpoint, accepted or not; {@code publishId} is null when refused. */
public record InitCall(
        SandboxEndpoint endpoint,
        String clientKey,
        String openId,
        String accessToken,
        Instant at,
        int httpStatus,
        String errorCode,
        String publishId) {

    public boolean accepted() {
        return publishId != null;
    }
}
