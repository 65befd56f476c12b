package io.tiktimer.devstack;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A server devstack started in a process of its own, seen from outside: which process it is, when it ends, and how
 * to stop it. Enough for {@link io.tiktimer.devstack.supervision.Supervisor} to watch it without knowing what it is.
 */
public interface ChildProcess extends AutoCloseable {

    long pid();

    /**
     * Completes once the process has exited, with its exit code when this JVM can know it: a process that is not our
     * child (PostgreSQL's postmaster, forked by {@code pg_ctl}) leaves none to us.
     */
    CompletableFuture<OptionalInt> onExit();

    /** Stops the process cleanly; does nothing once it has exited. */
    @Override
    void close();
}
