package io.tiktimer.sandbox.state;

import io.tiktimer.sandbox.SandboxEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** TikTok's per-access-token, per-endpoint sliding one-minute windows. */
public final class RateLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final Map<String, Deque<Instant>> windows = new HashMap<>();

    /** Refused requests are not counted, so a client that backs off recovers once the window slides. */
    public synchronized boolean tryAcquire(SandboxEndpoint endpoint, String accessToken, int limit, Instant now) {
        if (limit <= 0) {
            return true;
        }
        Deque<Instant> window = windows.computeIfAbsent(endpoint + " " + accessToken, k -> new ArrayDeque<>());
        Instant cutoff = now.minus(WINDOW);
        while (!window.isEmpty() && !window.peekFirst().isAfter(cutoff)) {
            window.pollFirst();
        }
        if (window.size() >= limit) {
            return false;
        }
        window.addLast(now);
        return true;
    }
}
