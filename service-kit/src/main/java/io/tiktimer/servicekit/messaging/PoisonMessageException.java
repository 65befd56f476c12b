package io.tiktimer.servicekit.messaging;

/**
 * A message no retry can fix (not JSON, unknown type or version, missing ids). Every consumer retries everything else
 * (a database or dependency outage must not park a valid event) and aborts on this one, which sends the message to
 * the group's dead-letter topic: the policy is {@link ConsumerRetry}, applied with
 * {@code @ApplyGuard(ConsumerRetry.NAME)} on each {@code @Incoming} method.
 */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
