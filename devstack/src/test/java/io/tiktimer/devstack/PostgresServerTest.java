package io.tiktimer.devstack;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresServerTest {

    @Test
    void runsARealPostgresThatKeepsDataInSchemasAndLeavesNoPortBehind() throws Exception {
        int port;
        try (PostgresServer postgres = PostgresServer.startEphemeral()) {
            port = postgres.port();
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER,
                    PostgresServer.PASSWORD);
                 Statement s = c.createStatement()) {
                s.execute("create schema post");
                s.execute("create table post.probe (id bigint primary key, body text)");
                s.execute("insert into post.probe values (1, 'hello')");
                try (ResultSet rs = s.executeQuery("select body, version() from post.probe")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("hello");
                    assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
                }
            }
        }
        assertThat(Ports.isListening(port)).isFalse();
    }

    @Test
    void persistentDataSurvivesARestart() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pg-persist");
        try {
            try (PostgresServer first = PostgresServer.startPersistent(dir, 0, Map.of("fsync", "on"));
                 Connection c = DriverManager.getConnection(first.jdbcUrl(), PostgresServer.USER,
                         PostgresServer.PASSWORD);
                 Statement s = c.createStatement()) {
                s.execute("create table kept (v text)");
                s.execute("insert into kept values ('still here')");
            }
            try (PostgresServer second = PostgresServer.startPersistent(dir, 0, Map.of());
                 Connection c = DriverManager.getConnection(second.jdbcUrl(), PostgresServer.USER,
                         PostgresServer.PASSWORD);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
        } finally {
            Directories.deleteQuietly(dir);
        }
    }
}
