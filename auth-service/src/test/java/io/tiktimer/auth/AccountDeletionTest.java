package io.tiktimer.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.contracts.GoldenFixtures;
import io.tiktimer.contracts.Topics;
import io.tiktimer.contracts.UserDeleted;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Deleting an account tells every other service through a user.deleted event on the real broker. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SigningKeyResource.class)
class AccountDeletionTest {

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @Test
    void deletingTheAccountPublishesUserDeletedAndEndsItsSessions() throws Exception {
        Api.Account account = Api.register("leaver");
        String[] tokens = Api.tokens(account);

        Api.bearer(tokens[0]).delete("/users/me").then().statusCode(204);

        ConsumerRecord<String, String> record = Published.await(Topics.USER_DELETED, account.id(), value -> true);
        assertThat(record.key()).isEqualTo(String.valueOf(account.id()));
        UserDeleted event = json.readValue(record.value(), UserDeleted.class);
        assertThat(event.type()).isEqualTo(UserDeleted.TYPE);
        assertThat(event.version()).isEqualTo(UserDeleted.VERSION);
        assertThat(event.userId()).isEqualTo(account.id());
        assertThat(event.occurredAt()).isBefore(Instant.now().plusSeconds(1));
        assertThat(fieldNames(json.readTree(record.value())))
                .containsExactlyInAnyOrderElementsOf(fieldNames(json.readTree(
                        GoldenFixtures.read(GoldenFixtures.USER_DELETED_V1))));

        Api.bearer(tokens[0]).get("/users/me").then().statusCode(401);
        Api.refresh(tokens[1]).then().statusCode(401);
        Api.login(account.username(), account.password()).then().statusCode(401);
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from auth.outbox_event where kafka_key = '" + account.id() + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("relayed rows leave the outbox").isZero();
        }
    }

    @Test
    void theEventWeWriteMatchesTheGoldenFixture() throws Exception {
        UserDeleted golden = json.readValue(GoldenFixtures.read(GoldenFixtures.USER_DELETED_V1), UserDeleted.class);
        assertThat(json.readTree(json.writeValueAsString(golden)))
                .isEqualTo(json.readTree(GoldenFixtures.read(GoldenFixtures.USER_DELETED_V1)));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

}
