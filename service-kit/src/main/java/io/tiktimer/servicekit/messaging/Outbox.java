package io.tiktimer.servicekit.messaging;

import io.tiktimer.contracts.Event;
import io.tiktimer.servicekit.tracing.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox, the same in every service: an event is written to the service's {@code outbox_event}
 * table in the caller's transaction, so it exists if and only if the change it reports committed; the
 * {@link OutboxRelay} sends it to {@link Event#topic()} afterwards and deletes it once the broker acknowledged it.
 * <p>
 * Through {@link #append(Event)}, writing the same event id twice (a stored event queued again for a redelivered
 * command) is a no-op while the first copy waits. Rows are stamped with the database's wall clock as each is written
 * ({@code clock_timestamp()}), so the relay sends them in the order they were written even when a test moves the
 * business clock.
 * <p>
 * Each row also keeps the {@code traceparent} of the work that wrote it, so the relay's send and whatever consumes
 * the event continue that trace ({@link TraceParent}).
 */
@ApplicationScoped
public class Outbox {

    /** One statement for a whole batch; rows get the database's wall clock as they are written, in array order. */
    private static final String INSERT = "insert into outbox_event (id, topic, kafka_key, payload, traceparent, "
            + "created_at) select u.id, u.topic, u.k, u.p::jsonb, u.t, clock_timestamp() "
            + "from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) as u(id, topic, k, p, t)";
    /** Events queued in a JTA transaction may be stored ones sent again under their own id: a copy still waiting wins. */
    private static final String INSERT_IF_ABSENT = INSERT + " on conflict (id) do nothing";

    private final EventCodec codec;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EventCodec codec, EntityManager em, TransactionSynchronizationRegistry transactions,
                  OutboxRelay relay) {
        this.codec = codec;
        this.em = em;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** An event and the trace it continues ({@code traceparent} as {@link TraceParent} writes it, or null). */
    public record Traced(Event event, String traceparent) {
    }

    /**
     * Queues the event in the current JTA transaction (there must be one), in the current trace, and wakes the relay
     * once it commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Event event) {
        appendAll(List.of(event));
    }

    /** Like {@link #append}, for several events in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<? extends Event> events) {
        if (events.isEmpty()) {
            return;
        }
        String traceparent = TraceParent.current();
        List<Traced> traced = events.stream().map(e -> new Traced(e, traceparent)).toList();
        em.unwrap(Session.class).doWork(c -> insert(c, INSERT_IF_ABSENT, traced));
        transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
    }

    /**
     * Queues new events (never a stored one again) on a plain JDBC connection whose transaction the caller commits:
     * the dispatcher's batches of thousands, which skip the conflict check every row of {@link #append} pays. The
     * caller wakes the relay with {@link OutboxRelay#wakeUp()} after its commit. Each event carries its own trace: the
     * dispatcher's come from many requests.
     */
    public void append(Connection c, List<Traced> events) throws SQLException {
        if (!events.isEmpty()) {
            insert(c, INSERT, events);
        }
    }

    private void insert(Connection c, String sql, List<Traced> events) throws SQLException {
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] payloads = new String[n];
        String[] traceparents = new String[n];
        for (int i = 0; i < n; i++) {
            Event e = events.get(i).event();
            ids[i] = e.eventId();
            topics[i] = e.topic();
            keys[i] = e.kafkaKey();
            payloads[i] = codec.write(e);
            traceparents[i] = events.get(i).traceparent();
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array idArray = c.createArrayOf("uuid", ids);
            ps.setArray(1, idArray);
            ps.setArray(2, c.createArrayOf("text", topics));
            ps.setArray(3, c.createArrayOf("text", keys));
            ps.setArray(4, c.createArrayOf("text", payloads));
            ps.setArray(5, c.createArrayOf("text", traceparents));
            ps.executeUpdate();
        }
    }

    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
