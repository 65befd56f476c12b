package io.tiktimer.auth;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tiktimer.devstack.testing.KafkaResource;
import io.tiktimer.devstack.testing.PostgresResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttling key is the real client: X-Forwarded-For counts only from a trusted proxy (in %test 127.0.0.1), and
 * then only the entry that proxy appended, never what the client wrote to the left of it. Observed where it matters:
 * under which address a failed login is counted in PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(SigningKeyResource.class)
class ClientAddressTest {

    @Inject
    DataSource dataSource;

    @Test
    void behindAnAppendingProxyTheClientCannotPickItsAddress() throws Exception {
        String spoofed = testNet();
        String seenByProxy = Api.randomAddress();
        // what an ALB forwards when the client sent "X-Forwarded-For: <spoofed>" itself
        Api.login(Api.uniqueName("nobody"), "Wrong-Password-123", spoofed + ", " + seenByProxy)
                .then().statusCode(401);

        assertThat(failuresCountedFor(seenByProxy)).as("counted for the address the proxy saw").isEqualTo(1);
        assertThat(failuresCountedFor(spoofed)).as("never for the address the client wrote").isZero();
    }

    @Test
    void forwardingHeadersFromAPeerThatIsNoTrustedProxyAreIgnored() throws Exception {
        String claimed = testNet();
        // 127.0.0.2 is this machine too, but not in auth.proxy.trusted-proxies
        RawHttp.Answer answer = RawHttp.post("127.0.0.2", "/token", "application/x-www-form-urlencoded",
                ("username=" + Api.uniqueName("nobody") + "&password=Wrong-Password-123")
                        .getBytes(StandardCharsets.US_ASCII), "X-Forwarded-For: " + claimed);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(failuresCountedFor(claimed)).as("the header of an untrusted peer").isZero();
        assertThat(failuresCountedFor("127.0.0.2")).as("the TCP peer").isPositive();
    }

    /** A TEST-NET-3 address no other test uses. */
    private static String testNet() {
        return "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    private int failuresCountedFor(String address) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select failures from auth.login_throttle where throttle_key = ?")) {
            q.setString(1, "address:" + address);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
