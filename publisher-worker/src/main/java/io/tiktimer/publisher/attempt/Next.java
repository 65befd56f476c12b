package io.tiktimer.publisher.attempt;

import java.time.Instant;

/**
 * What a step of an attempt decided happens next, as a value: the run goes on with the next step, or it ends because
 * the attempt waits until a time (rate limit, backoff, next status poll), or it ends as the step left it (finished, or
 * its next run time already set, e.g. by a failure that keeps checking TikTok late).
 */
public sealed interface Next {

    Next CONTINUE = new Continue();
    Next STOP = new Stop();

    static Next parkUntil(Instant at) {
        return new ParkUntil(at);
    }

    /** Run the attempt's next step now, in this run. */
    record Continue() implements Next {
    }

    /** End this run; the attempt runs again at {@code at}. */
    record ParkUntil(Instant at) implements Next {
    }

    /** End this run and leave the attempt's next run time as the step set it. */
    record Stop() implements Next {
    }
}
