package io.tiktimer.servicekit.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with a cap: {@code initial · 2^(n-1)}, at most {@code max}, for the n-th consecutive failure.
 * The one formula for every "wait before trying again" in TikTimer (re-dispatch after a retryable failure, a publish
 * attempt parked after a transient error, a relay or reader pass that failed). {@link #withJitter} spreads the waits of
 * many callers that failed together (a broker restart) so they do not all come back in the same instant.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, not " + initial + " and " + max);
        }
    }

    /** The wait after the {@code failures}-th consecutive failure (1 for the first); 0 or less counts as 1. */
    public Duration after(int failures) {
        int shift = Math.min(Math.max(failures - 1, 0), 30);
        Duration d = initial.multipliedBy(1L << shift);
        return d.compareTo(max) > 0 || d.isNegative() ? max : d;
    }

    /** {@link #after} scaled by a random factor in [0.5, 1]: never longer than without jitter, never under half. */
    public Duration withJitter(int failures) {
        long millis = after(failures).toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }
}
