package io.tiktimer.devstack.supervision;

import io.tiktimer.devstack.ChildProcess;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One process under supervision. {@link Supervisor#supervise} starts it; a thread of its own then waits for it to
 * exit and, unless it was asked to stop, starts it again through the same {@link Launcher} after the next
 * {@link Backoff} wait, until an attempt comes up.
 */
public final class SupervisedProcess<T extends ChildProcess> implements AutoCloseable {

    /** A restart under way is abandoned when stopping, which takes moments; this only bounds a hung one. */
    private static final Duration WATCHER_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Launcher<T> launcher;
    private final Backoff backoff;
    private final Consumer<String> log;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Thread watcher;

    // guarded by this
    private T current;
    private boolean stopping;
    private ProcessStatus.State state = ProcessStatus.State.RUNNING;
    private int restarts;
    private OptionalInt lastExitCode = OptionalInt.empty();
    private Instant lastRestartAt;
    private Instant upSince;

    private SupervisedProcess(String name, Launcher<T> launcher, Backoff backoff, Consumer<String> log, T first) {
        this.name = name;
        this.launcher = launcher;
        this.backoff = backoff;
        this.log = log;
        this.current = first;
        this.upSince = Instant.now();
        this.watcher = new Thread(this::watch, "supervise-" + name);
        watcher.setDaemon(true);
    }

    /** Starts the process in the caller's thread (a first start that fails is the caller's failure), then watches it. */
    static <T extends ChildProcess> SupervisedProcess<T> start(String name, Launcher<T> launcher, Backoff backoff,
                                                               Consumer<String> log) {
        SupervisedProcess<T> process = new SupervisedProcess<>(name, launcher, backoff, log, launcher.start());
        process.watcher.start();
        return process;
    }

    public String name() {
        return name;
    }

    /** The running instance; empty while it is being restarted or once stopped. */
    public synchronized Optional<T> current() {
        return Optional.ofNullable(current);
    }

    public synchronized ProcessStatus status() {
        return new ProcessStatus(state, current == null ? null : pidOf(current), restarts, lastExitCode,
                lastRestartAt);
    }

    /**
     * From now on an exit is final: no restart, and a restart under way is abandoned (its process stopped). The
     * running process is left running, so the owner can stop everything in its own order.
     */
    public void stopRestarting() {
        synchronized (this) {
            stopping = true;
        }
        stopRequested.countDown();
        if (Thread.currentThread() != watcher) {
            watcher.interrupt();
            try {
                watcher.join(WATCHER_STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops restarting, then stops the process. */
    @Override
    public void close() {
        stopRestarting();
        T last;
        synchronized (this) {
            last = current;
            current = null;
            state = ProcessStatus.State.STOPPED;
        }
        if (last != null) {
            last.close();
        }
    }

    private void watch() {
        int attempt = 0;
        T running = current().orElse(null);
        while (running != null) {
            OptionalInt exit = awaitExit(running);
            if (exit == null || !recordDeath(exit)) {
                return;
            }
            if (Duration.between(upSince(), Instant.now()).compareTo(backoff.stableAfter()) >= 0) {
                attempt = 0;
            }
            String why = name + " exited (pid " + pidOf(running) + ", " + describe(exit) + ")";
            // what a dead process still holds in this JVM goes first: zonky's lock on PostgreSQL's data directory
            closeQuietly(running);
            running = null;
            while (running == null) {
                attempt++;
                Duration wait = backoff.before(attempt);
                log.accept(why + "; restart attempt " + attempt + " in " + format(wait));
                if (awaitStopFor(wait)) {
                    return;
                }
                try {
                    running = launcher.start();
                } catch (RuntimeException e) {
                    if (isStopping()) {
                        return;
                    }
                    why = name + " restart attempt " + attempt + " failed (" + firstLine(e) + ")";
                    continue;
                }
                if (!adopt(running)) {
                    // a stop came while it was starting: it must not outlive the owner's shutdown
                    Thread.interrupted();
                    closeQuietly(running);
                    return;
                }
                log.accept(name + " restarted (pid " + pidOf(running) + ", attempt " + attempt + ")");
            }
        }
    }

    /** The exit code, empty when unknown, or null when a stop was requested meanwhile. */
    private OptionalInt awaitExit(T running) {
        try {
            return running.onExit().get();
        } catch (InterruptedException e) {
            return null;
        } catch (ExecutionException | RuntimeException e) {
            // a process that cannot be watched cannot be trusted either: treat it as dead, and start it afresh
            return OptionalInt.empty();
        }
    }

    private synchronized boolean recordDeath(OptionalInt exit) {
        if (stopping) {
            return false;
        }
        current = null;
        state = ProcessStatus.State.RESTARTING;
        lastExitCode = exit;
        return true;
    }

    private synchronized boolean adopt(T started) {
        if (stopping) {
            return false;
        }
        current = started;
        state = ProcessStatus.State.RUNNING;
        restarts++;
        lastRestartAt = Instant.now();
        upSince = lastRestartAt;
        return true;
    }

    private synchronized Instant upSince() {
        return upSince;
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /** Waits, and says whether a stop was requested meanwhile. */
    private boolean awaitStopFor(Duration wait) {
        try {
            return stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return true;
        }
    }

    private static Long pidOf(ChildProcess process) {
        try {
            return process.pid();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void closeQuietly(ChildProcess process) {
        try {
            process.close();
        } catch (RuntimeException e) {
            // it is dead or being abandoned; what matters is the next start
        }
    }

    private static String describe(OptionalInt exit) {
        return exit.isPresent() ? "exit code " + exit.getAsInt() : "exit code unknown";
    }

    /** One line, so the log stays one line per event; the full story is in the process' own log. */
    private static String firstLine(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    static String format(Duration wait) {
        long millis = wait.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
