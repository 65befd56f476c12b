package io.tiktimer.sandbox;

import java.time.Instant;

/** A 429 the sandbox sent; a client that paces itself correctly leaves this list empty. */
public record RateLimitRefusal(SandboxEndpoint endpoint, String clientKey, String openId, String accessToken, Instant at) {
}
