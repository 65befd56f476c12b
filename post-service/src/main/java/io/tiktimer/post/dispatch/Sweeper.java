package io.tiktimer.post.dispatch;

import io.quarkus.scheduler.Scheduled;
import io.tiktimer.post.config.PostConfig;
import io.tiktimer.servicekit.messaging.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reconciles posts stuck in flight. Safe on every replica at once (row locks, skip locked).
 * <ul>
 *     <li>{@code queued} with no {@code post.publishing} seen past the deadline: the command may have been lost before
 *     any TikTok call, so {@code post.due} is sent again with the <em>same</em> attempt number; publisher-worker keys
 *     attempts by (post, attempt), so if it did see the first one it will not start a second.</li>
 *     <li>{@code publishing} with no outcome past the deadline: TikTok may have the post, so it becomes
 *     {@code unconfirmed} and waits for the user; it is never re-posted automatically.</li>
 * </ul>
 */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class);

    private final DataSource dataSource;
    private final PostDueWriter outbox;
    private final OutboxRelay relay;
    private final PostConfig config;

    public Sweeper(DataSource dataSource, PostDueWriter outbox, OutboxRelay relay, PostConfig config) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.relay = relay;
        this.config = config;
    }

    @Scheduled(every = "${post.sweeper.interval:30s}", delayed = "${post.sweeper.interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int unconfirmed = markStuckPublishingUnconfirmed();
            int redriven = redriveStuckQueued();
            if (unconfirmed + redriven > 0) {
                LOG.infof("Sweeper: %d post(s) marked unconfirmed, %d re-dispatched", unconfirmed, redriven);
            }
        } catch (SQLException e) {
            LOG.warnf("Sweep failed, retried on the next run: %s", e.getMessage());
        }
    }

    public int markStuckPublishingUnconfirmed() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update post set status = 'unconfirmed', error_code = 'outcome_unknown', "
                     + "error_message = 'TikTok accepted the post but its outcome was never reported. It may be live: "
                     + "check your TikTok profile before retrying.', updated_at = now() "
                     + "where status = 'publishing' and coalesce(publishing_at, updated_at) < now() - ?::interval")) {
            ps.setString(1, config.sweeper().publishingDeadline().toMillis() + " milliseconds");
            return ps.executeUpdate();
        }
    }

    public int redriveStuckQueued() throws SQLException {
        List<PostDueWriter.Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("with stuck as (select id from post where status = 'queued' "
                        + "and queued_at < now() - ?::interval order by queued_at limit 500 for update skip locked) "
                        + "update post p set queued_at = now(), updated_at = now() from stuck where p.id = stuck.id "
                        + "returning " + PostDueWriter.POST_COLUMNS)) {
                    ps.setString(1, config.sweeper().queuedDeadline().toMillis() + " milliseconds");
                    try (ResultSet rs = ps.executeQuery()) {
                        PostDueWriter.ClaimedRows rows = new PostDueWriter.ClaimedRows(rs);
                        while (rs.next()) {
                            claimed.add(rows.read(rs));
                        }
                    }
                }
                outbox.enqueue(c, claimed);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        if (!claimed.isEmpty()) {
            relay.wakeUp();
        }
        return claimed.size();
    }
}
