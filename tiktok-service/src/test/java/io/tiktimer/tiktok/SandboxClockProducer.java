package io.tiktimer.tiktok;

import io.tiktimer.sandbox.testing.TikTokSandboxResource;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * In tests the service reads time from the TikTok sandbox's clock, as in production both sides read real time:
 * advancing the sandbox clock by 23 h makes tokens near expiry for TikTok and for us alike.
 */
public class SandboxClockProducer {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock sandboxClock() {
        return TikTokSandboxResource.sandbox().clock().asJavaClock();
    }
}
