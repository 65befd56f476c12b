package io.tiktimer.devstack.supervision;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What the supervisor knows of one process, as {@code GET /processes} shows it.
 *
 * @param pid          the running process; empty while restarting or stopped
 * @param restarts     restarts that succeeded
 * @param lastExitCode how the last unexpected death ended, when the exit code can be known
 */
public record ProcessStatus(State state, Long pid, int restarts, OptionalInt lastExitCode, Instant lastRestartAt) {

    public enum State {
        RUNNING, RESTARTING, STOPPED;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The JSON members, every one always present (null when unknown), so a reader need not guess. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", state.json());
        json.put("pid", pid);
        json.put("restarts", restarts);
        json.put("last_exit_code", lastExitCode.isPresent() ? lastExitCode.getAsInt() : null);
        json.put("last_restart_at", lastRestartAt == null ? null : lastRestartAt.toString());
        return json;
    }
}
