package io.tiktimer.publisher.messaging;

/** A message no retry can fix (not JSON, unknown type or version, missing ids): it goes to the dead-letter topic. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
