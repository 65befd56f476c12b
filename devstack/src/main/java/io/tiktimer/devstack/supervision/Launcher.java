package io.tiktimer.devstack.supervision;

import io.tiktimer.devstack.ChildProcess;

/**
 * Starts one process with its configuration fixed when the launcher was made (environment, port, data directory), so
 * each restart is the same process again. Returns once the process serves; throws if it does not come up.
 */
@FunctionalInterface
public interface Launcher<T extends ChildProcess> {

    T start();
}
