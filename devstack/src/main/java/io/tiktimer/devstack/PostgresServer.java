package io.tiktimer.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL 17 server from the zonky embedded binaries (downloaded as a Maven artifact, no system install).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

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
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        serverConf.forEach(builder::setServerConfig);
        return start(builder);
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
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
