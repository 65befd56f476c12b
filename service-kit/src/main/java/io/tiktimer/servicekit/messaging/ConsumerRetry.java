package io.tiktimer.servicekit.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.inject.Produces;

import java.time.temporal.ChronoUnit;

/**
 * How every Kafka consumer handles a failure, as one SmallRye Fault Tolerance guard: put
 * {@code @ApplyGuard(ConsumerRetry.NAME)} on the {@code @Incoming} method.
 * <p>
 * A {@link PoisonMessageException} (the {@link EventCodec} could not read the record) is not retried: the consumer's
 * dead-letter strategy takes the record at once. Anything else (PostgreSQL restarting, a failover, a lock timeout) is
 * retried with exponential backoff from 200 ms to 15 s for up to ten minutes, which outlasts a database restart:
 * dead-lettering a valid outcome because the database was briefly away would leave its post stuck. Meanwhile the
 * partition waits, in order, and the throttled commit strategy reports the channel unhealthy once a record has waited
 * longer than its unprocessed-record-max-age.
 */
public class ConsumerRetry {

    public static final String NAME = "tiktimer-consumer-retry";

    @Produces
    @Identifier(NAME)
    static final Guard GUARD = Guard.create()
            .withDescription(NAME)
            .withRetry()
                .maxRetries(-1)
                .delay(200, ChronoUnit.MILLIS)
                .maxDuration(10, ChronoUnit.MINUTES)
                .abortOn(PoisonMessageException.class)
                .withExponentialBackoff().maxDelay(15, ChronoUnit.SECONDS).done()
            .done()
            .build();
}
