package io.tiktimer.auth.service;

import io.quarkus.runtime.Startup;
import io.tiktimer.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;

/** OAuth2 client-credentials clients (the other TikTimer services), with secrets from configuration. */
@Startup
@ApplicationScoped
public class ServiceClients {

    private static final Logger LOG = Logger.getLogger(ServiceClients.class);
    /** Service secrets are machine-generated; a short one is a configuration mistake, refused at start-up. */
    private static final int MIN_SECRET_LENGTH = 24;

    private final Map<String, byte[]> secretDigests = new TreeMap<>();
    private final TokenIssuer issuer;

    public ServiceClients(AuthConfig config, TokenIssuer issuer) {
        this.issuer = issuer;
        config.clients().forEach((clientId, client) -> client.secret().ifPresent(secret -> {
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("auth.clients." + clientId + ".secret is shorter than "
                        + MIN_SECRET_LENGTH + " characters");
            }
            secretDigests.put(clientId, SessionService.digest(secret));
        }));
        LOG.infof("Service clients enabled: %s", secretDigests.keySet());
    }

    public TokenIssuer.Signed issue(String clientId, String secret) {
        if (clientId == null || secret == null) {
            throw AuthProblems.oauth(401, "invalid_client", "Client authentication required");
        }
        byte[] expected = secretDigests.get(clientId);
        // digests have equal length, so the comparison time does not depend on where the secrets differ
        boolean valid = MessageDigest.isEqual(SessionService.digest(secret),
                expected == null ? new byte[32] : expected) && expected != null;
        if (!valid) {
            LOG.infof("Client credentials refused for client id %s", printable(clientId));
            throw AuthProblems.oauth(401, "invalid_client", "Client authentication failed");
        }
        return issuer.serviceToken(clientId);
    }

    /** Client ids come from the request: cut and neutralised so they cannot forge or flood log lines. */
    private static String printable(String clientId) {
        String cut = clientId.length() > 64 ? clientId.substring(0, 64) : clientId;
        return cut.replaceAll("[^A-Za-z0-9._-]", "?");
    }
}
