package io.tiktimer.devstack;

import java.io.IOException;
import java.util.Arrays;

/**
 * Runs another program's {@code main} and exits when the parent process goes away.
 *
 * <p>Child JVMs (Kafka, s3proxy) are started through this class with their standard input connected to the parent.
 * When the parent dies, however abruptly (a killed test JVM, Ctrl-C on the run command), the pipe closes, the read below
 * returns end-of-file and the child exits: no orphaned broker keeps a port bound on a developer's machine. The JDK has no
 * portable "die with parent" option, so this is the small piece we write ourselves.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ParentWatchdog <main-class> [args...]");
        }
        Thread watcher = new Thread(ParentWatchdog::exitWhenParentIsGone, "parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
        Class.forName(args[0])
                .getMethod("main", String[].class)
                .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenParentIsGone() {
        try {
            while (System.in.read() != -1) {
                // The parent never writes; anything it did write is ignored.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same as end-of-file: the parent is gone.
        }
        System.exit(0);
    }
}
