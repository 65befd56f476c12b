package io.tiktimer.auth;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.auth.service.Housekeeping;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hourly purge really deletes, in the real PostgreSQL: expired refresh tokens, sessions no access token can name
 * any more, and throttle counters whose window has passed; and keeps everything that still matters.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SigningKeyResource.class)
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;

    @Inject
    DataSource dataSource;

    @Test
    void thePurgeDeletesWhatCanNoLongerMatterAndKeepsTheRest() throws Exception {
        Api.Account account = Api.register("tidy");
        Instant now = Instant.now();
        UUID abandoned = session(account.id(), now.minus(Duration.ofDays(10)), null);
        long expiredToken = refreshToken(abandoned, now.minus(Duration.ofDays(3)));
        UUID loggedOutLongAgo = session(account.id(), now.minus(Duration.ofDays(1)), now.minus(Duration.ofHours(2)));
        UUID loggedOutJustNow = session(account.id(), now.minus(Duration.ofDays(1)), now.minusSeconds(60));
        refreshToken(loggedOutJustNow, now.plus(Duration.ofDays(6)));
        UUID live = session(account.id(), now.minus(Duration.ofDays(10)), null);
        long liveToken = refreshToken(live, now.plus(Duration.ofDays(1)));
        String stale = "test:stale-" + UUID.randomUUID();
        String stillLocked = "test:locked-" + UUID.randomUUID();
        String current = "test:current-" + UUID.randomUUID();
        counter(stale, now.minus(Duration.ofDays(1)), null);
        counter(stillLocked, now.minus(Duration.ofDays(1)), now.plus(Duration.ofMinutes(10)));
        counter(current, now.minus(Duration.ofMinutes(1)), null);

        Housekeeping.Purged purged = housekeeping.purge(Instant.now());

        assertThat(purged.refreshTokens()).as("a step failed").isNotNegative();
        assertThat(purged.sessions()).as("a step failed").isNotNegative();
        assertThat(purged.throttleCounters()).as("a step failed").isNotNegative();
        assertThat(exists("refresh_token", "id", expiredToken)).as("expired refresh token").isFalse();
        assertThat(exists("user_session", "id", abandoned)).as("session whose tokens all expired").isFalse();
        assertThat(exists("user_session", "id", loggedOutLongAgo)).as("session revoked 2 h ago").isFalse();
        assertThat(exists("login_throttle", "throttle_key", stale)).as("counter of a window long past").isFalse();

        assertThat(exists("refresh_token", "id", liveToken)).as("valid refresh token").isTrue();
        assertThat(exists("user_session", "id", live)).as("live session").isTrue();
        assertThat(exists("user_session", "id", loggedOutJustNow))
                .as("session revoked a minute ago: its access tokens are still presented and must be refused")
                .isTrue();
        assertThat(exists("login_throttle", "throttle_key", stillLocked)).as("running lock-out").isTrue();
        assertThat(exists("login_throttle", "throttle_key", current)).as("counter of the current window").isTrue();
    }

    private UUID session(long userId, Instant createdAt, Instant revokedAt) throws Exception {
        UUID id = UUID.randomUUID();
        update("insert into auth.user_session (id, user_id, created_at, revoked_at) values (?, ?, ?, ?)",
                id, userId, Timestamp.from(createdAt), revokedAt == null ? null : Timestamp.from(revokedAt));
        return id;
    }

    private long refreshToken(UUID sessionId, Instant expiresAt) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into auth.refresh_token (session_id, token_hash, "
                     + "created_at, expires_at) values (?, ?, ?, ?) returning id")) {
            insert.setObject(1, sessionId);
            insert.setBytes(2, UUID.randomUUID().toString().getBytes());
            insert.setTimestamp(3, Timestamp.from(expiresAt.minus(Duration.ofDays(7))));
            insert.setTimestamp(4, Timestamp.from(expiresAt));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void counter(String key, Instant windowStartedAt, Instant lockedUntil) throws Exception {
        update("insert into auth.login_throttle (throttle_key, failures, window_started_at, locked_until) "
                        + "values (?, 3, ?, ?)", key, Timestamp.from(windowStartedAt),
                lockedUntil == null ? null : Timestamp.from(lockedUntil));
    }

    private void update(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private boolean exists(String table, String column, Object value) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "select count(*) from auth." + table + " where " + column + " = ?")) {
            query.setObject(1, value);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
