package io.tiktimer.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 server from the zonky embedded binaries (downloaded as a Maven artifact, no system install).
 */
public final class PostgresServer implements ChildProcess {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String DATABASE = "postgres";

    /**
     * How long the fallback shutdown hook of a persistent server waits for its owner to close it: the owner (the local
     * run) first stops the gateway and the services, each of which may take a few seconds.
     */
    private static final Duration OWNER_CLOSE_GRACE = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    /** Only for a persistent server; zonky chooses (and deletes) an ephemeral one's. */
    private final Path dataDirectory;
    private final CountDownLatch closed = new CountDownLatch(1);
    /** Looked up on first use: only a supervisor asks, and the answer costs a connection. */
    private volatile Long postmasterPid;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** A throw-away server on a free port; its data is deleted on close. */
    public static PostgresServer startEphemeral() {
        return start(EmbeddedPostgres.builder(), null);
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
        AbandonedPostmasterLock.removeFrom(dataDirectory);
        PostgresServer server = start(builder, dataDirectory);
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

    private static PostgresServer start(EmbeddedPostgres.Builder builder, Path dataDirectory) {
        try {
            return new PostgresServer(builder.start(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The postmaster's pid, as it wrote it into {@code postmaster.pid} in its data directory. */
    @Override
    public long pid() {
        Long pid = postmasterPid;
        if (pid == null) {
            pid = readPostmasterPid();
            postmasterPid = pid;
        }
        return pid;
    }

    /**
     * The postmaster is {@code pg_ctl}'s child, not ours, so the JDK polls for its end (within a few seconds) and
     * cannot tell its exit code.
     */
    @Override
    public CompletableFuture<OptionalInt> onExit() {
        return ProcessHandle.of(pid()).map(ProcessHandle::onExit)
                .orElseGet(() -> CompletableFuture.completedFuture(null))
                .thenApply(gone -> OptionalInt.empty());
    }

    private long readPostmasterPid() {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('data_directory')")) {
            rs.next();
            String firstLine = Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0);
            return Long.parseLong(firstLine.trim());
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on port " + port() + " does not answer", e);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's postmaster.pid cannot be read", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE).replaceFirst("\\?.*$", "");
    }

    @Override
    public void close() {
        try {
            closed.countDown();
            if (dataDirectory != null) {
                // zonky stops the server with pg_ctl, which signals the pid in postmaster.pid: after a postmaster
                // was killed, that pid may be a zombie's (pg_ctl then waits 5 s in vain) or, later, someone else's.
                AbandonedPostmasterLock.removeFrom(dataDirectory);
            }
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
