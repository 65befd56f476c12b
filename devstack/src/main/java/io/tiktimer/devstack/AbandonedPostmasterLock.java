package io.tiktimer.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code postmaster.pid} a killed postmaster leaves in its data directory. PostgreSQL removes such a file itself
 * when the pid in it is gone and no process still holds the old shared memory segment (an orphaned backend still
 * working on the data would). It takes a zombie for a live process, though, and where the init process does not reap
 * orphans (some containers) a killed postmaster stays a zombie: the server would refuse to start again, for ever. So
 * we make PostgreSQL's own two checks, count a zombie as gone, and remove the file only when both say it is abandoned.
 */
final class AbandonedPostmasterLock {

    private static final Path SYSV_SHARED_MEMORY = Path.of("/proc/sysvipc/shm");

    private AbandonedPostmasterLock() {
    }

    static void removeFrom(Path dataDirectory) {
        Path lock = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.exists(lock)) {
                return;
            }
            List<String> lines = Files.readAllLines(lock);
            // line 1: the postmaster's pid; line 7: the key and id of its System V shared memory segment
            long pid = Long.parseLong(lines.get(0).trim());
            // the JDK sees a zombie as gone (ProcessHandle.of is empty for it), which is what we want here
            if (ProcessHandle.of(pid).isPresent() || lines.size() < 7 || isAttached(lines.get(6))) {
                return;
            }
            Files.deleteIfExists(lock);
        } catch (IOException | RuntimeException e) {
            // a file we cannot read or do not understand is PostgreSQL's to judge
        }
    }

    /** Whether any process is attached to the segment named by {@code "<key> <id>"}. */
    private static boolean isAttached(String keyAndId) throws IOException {
        String[] parts = keyAndId.trim().split("\\s+");
        if (parts.length < 2 || !Files.isReadable(SYSV_SHARED_MEMORY)) {
            return true;
        }
        String id = parts[1];
        // columns: key shmid perms size cpid lpid nattch ...
        return Files.readAllLines(SYSV_SHARED_MEMORY).stream().skip(1)
                .map(line -> line.trim().split("\\s+"))
                .anyMatch(columns -> columns.length > 6 && columns[1].equals(id) && !columns[6].equals("0"));
    }
}
