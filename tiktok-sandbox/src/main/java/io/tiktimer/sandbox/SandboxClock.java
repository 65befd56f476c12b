package io.tiktimer.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The sandbox's notion of "now". It follows real time plus an offset, so tests can jump over a 24 h
 * token lifetime or a 1 h upload window while the status machine keeps moving on its own; freezing it
 * makes time-dependent assertions deterministic.
 */
public final class SandboxClock {

    private final Clock realTime;
    private Duration offset = Duration.ZERO;
    private Instant frozenAt;

    public SandboxClock() {
        this(Clock.systemUTC());
    }

    public SandboxClock(Clock realTime) {
        this.realTime = realTime;
    }

    public synchronized Instant now() {
        return frozenAt != null ? frozenAt : realTime.instant().plus(offset);
    }

    public synchronized SandboxClock advance(Duration amount) {
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(amount);
        } else {
            offset = offset.plus(amount);
        }
        return this;
    }

    public synchronized SandboxClock freeze() {
        if (frozenAt == null) {
            frozenAt = now();
        }
        return this;
    }

    /** Lets time flow again from the frozen instant, so nothing already observed runs backwards. */
    public synchronized SandboxClock resume() {
        if (frozenAt != null) {
            offset = Duration.between(realTime.instant(), frozenAt);
            frozenAt = null;
        }
        return this;
    }

    public synchronized boolean isFrozen() {
        return frozenAt != null;
    }

    public Clock asJavaClock() {
        SandboxClock self = this;
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return self.now();
            }
        };
    }
}
