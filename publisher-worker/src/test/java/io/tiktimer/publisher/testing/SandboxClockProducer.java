package io.tiktimer.publisher.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import io.tiktimer.sandbox.testing.TikTokSandboxResource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * In tests the worker reads the sandbox's clock, so advancing it moves TikTok's rate windows, status machine and
 * our own limiter, deadlines and backoff together: minutes of TikTok time pass in seconds.
 */
@ApplicationScoped
public class SandboxClockProducer {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return TikTokSandboxResource.sandbox().clock().asJavaClock();
    }
}
