package io.tiktimer.publisher.service;

import jakarta.enterprise.context.ApplicationScoped;

/** Raised when the application stops: workers finish the chunk in hand, park their attempt and release it. */
@ApplicationScoped
public class ShutdownSignal {
    private volatile boolean requested;

    public boolean requested() {
        return requested;
    }

    void request() {
        requested = true;
    }
}
