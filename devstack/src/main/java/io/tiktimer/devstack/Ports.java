package io.tiktimer.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Loopback port helpers: every devstack component binds 127.0.0.1 only, on a port chosen here unless told otherwise. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /** A port that was free a moment ago. The small race with other processes is acceptable on a developer machine. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until something accepts connections on {@code port}.
     *
     * @param stillAlive checked between attempts, so a child that crashed fails fast instead of after the timeout
     */
    public static void awaitListening(int port, Duration timeout, BooleanSupplier stillAlive, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isListening(port)) {
            if (!stillAlive.getAsBoolean()) {
                throw new IllegalStateException(what + " exited before listening on port " + port);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not listen on port " + port + " within " + timeout);
            }
            sleep(50);
        }
    }

    public static void awaitClosed(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isListening(port) && System.nanoTime() < deadline) {
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a port", e);
        }
    }
}
