package io.tiktimer.devstack.supervision;

import io.tiktimer.devstack.ChildProcess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps the processes of the local run alive: each one it {@link #supervise supervises} is started again, with the
 * same configuration, when it exits without having been asked to (see {@link SupervisedProcess}). Every death and
 * restart is one line to {@code log}: name, pid, exit code, attempt and wait, never anything from a request.
 *
 * <p>In production ECS (and docker compose) restart containers; this is the same promise for {@code ./run}.
 */
public final class Supervisor implements AutoCloseable {

    private final Backoff backoff;
    private final Consumer<String> log;
    private final List<SupervisedProcess<?>> processes = new CopyOnWriteArrayList<>();
    /** Once the JVM exits, a child that dies is gone for good, even if the owner's own hook has not run yet. */
    private final Thread stopOnExit = new Thread(this::stopRestarting, "supervisor-stop");
    private volatile boolean stopping;

    public Supervisor(Backoff backoff, Consumer<String> log) {
        this.backoff = backoff;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts a process and keeps it running.
     *
     * @throws RuntimeException whatever the first start threw: a process that never came up is not retried
     */
    public <T extends ChildProcess> SupervisedProcess<T> supervise(String name, Launcher<T> launcher) {
        SupervisedProcess<T> process = SupervisedProcess.start(name, launcher, backoff, log);
        processes.add(process);
        if (stopping) {
            process.stopRestarting();
        }
        return process;
    }

    /** Each supervised process by name, in the order they were started. */
    public Map<String, ProcessStatus> statuses() {
        Map<String, ProcessStatus> statuses = new LinkedHashMap<>();
        processes.forEach(process -> statuses.put(process.name(), process.status()));
        return statuses;
    }

    /** Call first when shutting down: from then on no process is restarted, whatever the order it is stopped in. */
    public void stopRestarting() {
        stopping = true;
        processes.forEach(SupervisedProcess::stopRestarting);
    }

    /** Stops restarting, then stops what still runs, the last started first. */
    @Override
    public void close() {
        stopRestarting();
        List<SupervisedProcess<?>> reversed = new ArrayList<>(processes);
        Collections.reverse(reversed);
        reversed.forEach(SupervisedProcess::close);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting already, and the hook has run or is running
        }
    }
}
