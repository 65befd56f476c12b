package io.tiktimer.tiktok.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Token expiry and state lifetimes are judged against this clock, so tests can move time with TikTok's. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
