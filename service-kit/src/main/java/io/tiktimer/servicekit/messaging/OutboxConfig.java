package io.tiktimer.servicekit.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code tiktimer.outbox.*}: the shared outbox relay, the same in every service. */
@ConfigMapping(prefix = "tiktimer.outbox")
public interface OutboxConfig {

    /** Off only in tests that drive the relay themselves. */
    @WithDefault("true")
    boolean enabled();

    /** Rows taken, sent and deleted per pass; a full batch is followed at once by the next. */
    @WithDefault("500")
    int batchSize();

    /**
     * Sleep when the outbox is empty. A commit that wrote to the outbox on this replica wakes the relay at once, so
     * this only bounds how late rows left by a crashed replica (or written by plain JDBC without a wake-up) leave.
     */
    @WithDefault("PT2S")
    Duration idlePoll();

    /** How long one batch may wait for the broker's acknowledgements before it is sent again in a later pass. */
    @WithDefault("PT30S")
    Duration ackTimeout();
}
