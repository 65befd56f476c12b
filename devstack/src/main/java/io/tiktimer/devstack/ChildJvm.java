package io.tiktimer.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Java program run in its own JVM, tied to this process through {@link ParentWatchdog}, with its output in a log file.
 */
public final class ChildJvm implements ChildProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} with the given classpath entries and arguments.
     *
     * @param jvmOptions e.g. {@code -Xmx256m}
     * @param log        file that receives the child's stdout and stderr
     */
    public static ChildJvm start(String name, List<String> classpath, List<String> jvmOptions, String mainClass,
                                 List<String> args, Path log) {
        return start(name, classpath, jvmOptions, mainClass, args, java.util.Map.of(), log);
    }

    /** As {@link #start(String, List, List, String, List, Path)}, with extra environment variables. */
    public static ChildJvm start(String name, List<String> classpath, List<String> jvmOptions, String mainClass,
                                 List<String> args, java.util.Map<String, String> environment, Path log) {
        return start(name, classpath, jvmOptions, mainClass, args, environment, null, log);
    }

    /**
     * As above, with the file-mode creation mask the child runs under ({@code "027"}; {@code null} keeps ours). Java
     * cannot set a process's umask itself, so the child is started through {@code sh}, which sets it and then
     * {@code exec}s the JVM (same process, same pid, same stdin).
     */
    public static ChildJvm start(String name, List<String> classpath, List<String> jvmOptions, String mainClass,
                                 List<String> args, java.util.Map<String, String> environment, String umask,
                                 Path log) {
        List<String> command = new ArrayList<>();
        if (umask != null) {
            if (!umask.matches("[0-7]{3,4}")) {
                throw new IllegalArgumentException("not an octal umask: " + umask);
            }
            command.addAll(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        List<String> cp = new ArrayList<>(classpath);
        cp.add(0, ownLocation());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, cp));
        command.add(ParentWatchdog.class.getName());
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            // stdin stays open (never written): its closing is how the child learns we are gone.
            return new ChildJvm(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /**
     * A program that is not a JVM (a service's native executable), with the same log and stop handling. It has no
     * {@link ParentWatchdog}: if this JVM is killed outright the program keeps running, so callers close it in
     * {@code finally} blocks and shutdown hooks.
     */
    public static ChildJvm startExecutable(String name, Path executable, List<String> args,
                                           java.util.Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>();
        command.add(executable.toAbsolutePath().toString());
        command.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ChildJvm(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Runs a program to completion (e.g. a formatting tool) and fails with its output if it fails. */
    public static void run(String name, List<String> classpath, String mainClass, List<String> args, Path log) {
        try (ChildJvm child = start(name, classpath, List.of("-Xmx256m"), mainClass, args, log)) {
            if (!child.process.waitFor(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not finish within 120 s; see " + log);
            }
            if (child.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed with exit code " + child.process.exitValue()
                        + ":\n" + child.logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + name, e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    /** The exit code is the JVM's own, or 128 + the signal that killed it (137 after SIGKILL). */
    @Override
    public CompletableFuture<OptionalInt> onExit() {
        return process.onExit().thenApply(exited -> OptionalInt.of(exited.exitValue()));
    }

    public Path log() {
        return log;
    }

    /** The last lines of the child's log, for error messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Asks the child to stop (SIGTERM, so it shuts down cleanly), then forces it after a grace period. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    private static String ownLocation() {
        try {
            return Path.of(ParentWatchdog.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate devstack classes", e);
        }
    }
}
