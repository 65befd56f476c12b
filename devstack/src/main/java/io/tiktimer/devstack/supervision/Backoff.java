package io.tiktimer.devstack.supervision;

import java.time.Duration;

/**
 * How long the supervisor waits before each attempt to restart a process that died: {@code initial}, doubling with
 * every attempt up to {@code max}. A process that then stays up for {@code stableAfter} starts again from
 * {@code initial} when it next dies, so a crash once a day is retried at once while a crash loop does not burn the
 * machine.
 *
 * @param initial     the wait before the first attempt
 * @param max         the longest wait
 * @param stableAfter how long a process must run before its next death counts as a first one again
 */
public record Backoff(Duration initial, Duration max, Duration stableAfter) {

    /** What {@code ./run} uses: 1 s doubling to 30 s, forgotten after a minute up. */
    public static final Backoff LOCAL_RUN = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(1));

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff must grow from a positive initial wait to max");
        }
    }

    /** The wait before attempt {@code attempt} (1 for the first). */
    public Duration before(int attempt) {
        // past 2^20 times the initial wait every sensible max is reached; the cap keeps the shift from overflowing
        long factor = 1L << Math.min(Math.max(attempt, 1) - 1, 20);
        Duration wait = initial.multipliedBy(factor);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
