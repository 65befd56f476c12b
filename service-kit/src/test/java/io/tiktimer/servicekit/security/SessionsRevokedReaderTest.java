package io.tiktimer.servicekit.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tiktimer.contracts.SessionsRevoked;
import io.tiktimer.contracts.Topics;
import io.tiktimer.devstack.KafkaBroker;
import io.tiktimer.devstack.Ports;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the chaos run: a post-service replica that started while the broker was being restarted stopped reading
 * revocations for good, and accepted revoked tokens until its next restart.
 */
class SessionsRevokedReaderTest {

    private static final Duration RETENTION = Duration.ofMinutes(35);
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void aReaderStartedWhileKafkaIsAwayReadsRevocationsOnceItIsBack(@TempDir Path dir) throws Exception {
        int port = Ports.free();
        RevokedSessions revoked = new RevokedSessions(RETENTION);
        SessionsRevokedReader reader = new SessionsRevokedReader(revoked, json,
                Optional.of("127.0.0.1:" + port), RETENTION, true, "test");
        reader.start(new StartupEvent());
        try {
            // longer than the 5 s the reader waits for the topic's partitions, after which it used to give up
            Thread.sleep(8000);
            try (KafkaBroker kafka = KafkaBroker.startPersistent(dir, port, 1)) {
                revoke(kafka.bootstrapServers(), "session-1");

                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!revoked.isRevoked(token("session-1")) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(revoked.isRevoked(token("session-1"))).as("the revocation made once Kafka was back")
                        .isTrue();
                assertThat(revoked.isRevoked(token("session-2"))).isFalse();
            }
        } finally {
            reader.stop(new ShutdownEvent());
        }
    }

    private void revoke(String bootstrap, String sessionId) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.SESSIONS_REVOKED, "42",
                    json.writeValueAsString(SessionsRevoked.sessions(42, List.of(sessionId))))).get();
        }
    }

    private static JsonWebToken token(String sessionId) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of(RevokedSessions.SESSION_CLAIM);
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return RevokedSessions.SESSION_CLAIM.equals(claim) ? (T) sessionId : null;
            }
        };
    }
}
