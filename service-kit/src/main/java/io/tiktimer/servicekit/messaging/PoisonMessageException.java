package io.tiktimer.servicekit.messaging;

/**
 * A message no retry can fix (not JSON, unknown type or version, missing ids). Every consumer retries everything else
 * (a database or dependency outage must not park a valid event) and aborts on this one, which sends the message to
 * the group's dead-letter topic. The shared policy, on each {@code @Incoming} method or consumer class:
 * <pre>
 * &#64;Retry(maxRetries = -1, delay = 200, maxDuration = 10, durationUnit = ChronoUnit.MINUTES,
 *         abortOn = PoisonMessageException.class)
 * &#64;ExponentialBackoff(maxDelay = 15, maxDelayUnit = ChronoUnit.SECONDS)
 * </pre>
 */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
