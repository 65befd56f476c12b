package io.tiktimer.devstack.supervision;

import io.tiktimer.devstack.Ports;
import io.tiktimer.devstack.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded PostgreSQL runs in this JVM's care, but its postmaster is a process of its own: killed, it is started
 * again on the same data directory and port, and what was committed is still there.
 */
class SupervisedPostgresTest {

    @Test
    void aKilledPostmasterIsStartedAgainOnItsDataDirectoryAndPort(@TempDir Path dir) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        int port = Ports.free();
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(1));
        try (Supervisor supervisor = new Supervisor(backoff, log::add)) {
            SupervisedProcess<PostgresServer> postgres = supervisor.supervise("postgres",
                    () -> PostgresServer.startPersistent(dir.resolve("postgres"), port,
                            Map.of("fsync", "on", "synchronous_commit", "on")));
            String url = postgres.current().orElseThrow().jdbcUrl();
            execute(url, "create table kept (v text)", "insert into kept values ('still here')");
            long postmaster = postgres.status().pid();

            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(90)).until(() -> postgres.status().restarts() == 1);
            assertThat(postgres.status().pid()).isNotNull().isNotEqualTo(postmaster);
            assertThat(postgres.status().lastExitCode()).as("not our child: no exit code").isEmpty();
            assertThat(postgres.current().orElseThrow().jdbcUrl()).isEqualTo(url);
            try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
            assertThat(log).first().isEqualTo("postgres exited (pid " + postmaster
                    + ", exit code unknown); restart attempt 1 in 200 ms");
            assertThat(log).last().asString().startsWith("postgres restarted (pid ");
        }
        assertThat(Ports.isListening(port)).isFalse();
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
