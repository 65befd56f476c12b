package io.tiktimer.servicekit.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one clock every service reads business time from (token expiry, rate windows, backoff, deadlines, row stamps).
 * A default bean, so a test can put the TikTok sandbox's clock in its place and move time for both sides at once.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
