package io.tiktimer.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 server from the zonky embedded binaries (downloaded as a Maven artifact, no system install).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String DATABASE = "postgres";

    /**
     * How long the fallback shutdown hook of a persistent server waits for its owner to close it: the owner (the local
     * run) first stops the gateway and the services, each of which may take a few seconds.
     */
    private static final Duration OWNER_CLOSE_GRACE = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final CountDownLatch closed = new CountDownLatch(1);

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server on a free port; its data is deleted on close. */
    public static PostgresServer startEphemeral() {
        return start(EmbeddedPostgres.builder());
    }

    /**
     * A server whose data survives restarts, for the local run.
     *
     * @param port       fixed port, or 0 for a free one
     * @param serverConf extra postgresql.conf settings (e.g. {@code fsync=on} for benchmarks)
     */
    public static PostgresServer startPersistent(Path dataDirectory, int port, Map<String, String> serverConf) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // zonky's own hook stops PostgreSQL the moment the JVM begins to exit, concurrently with the owner's
                // hook: on Ctrl-C the local run's services then lost their database while still running and logged
                // errors for seconds. The owner closes this server after everything that uses it; the hook below only
                // covers an owner that never gets to (interrupted during start-up).
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        serverConf.forEach(builder::setServerConfig);
        PostgresServer server = start(builder);
        Runtime.getRuntime().addShutdownHook(new Thread(server::closeUnlessOwnerDoes, "postgres-fallback-stop"));
        return server;
    }

    private void closeUnlessOwnerDoes() {
        try {
            if (closed.await(OWNER_CLOSE_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    private static PostgresServer start(EmbeddedPostgres.Builder builder) {
        try {
            return new PostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE).replaceFirst("\\?.*$", "");
    }

    @Override
    public void close() {
        try {
            closed.countDown();
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
