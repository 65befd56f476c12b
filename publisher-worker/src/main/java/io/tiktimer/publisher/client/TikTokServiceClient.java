package io.tiktimer.publisher.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Access tokens from tiktok-service. Errors are mapped to the three cases the publisher acts on; retries are the
 * caller's (the attempt backs off and comes back), because a blocking retry here would hold a worker thread.
 */
@ApplicationScoped
public class TikTokServiceClient {
    private static final Logger LOG = Logger.getLogger(TikTokServiceClient.class);

    private final TikTokServiceRestClient rest;
    private final ObjectMapper json;

    public TikTokServiceClient(@RestClient TikTokServiceRestClient rest, ObjectMapper json) {
        this.rest = rest;
        this.json = json;
    }

    public AccessToken accessToken(long accountId, long userId, boolean forceRefresh) {
        try (Response response = rest.accessToken(accountId,
                new TikTokServiceRestClient.AccessTokenRequest(userId, forceRefresh))) {
            return read(accountId, response);
        } catch (WebApplicationException e) {
            return read(accountId, e.getResponse());
        } catch (ProcessingException | IllegalStateException e) {
            throw new TokenProblem(TokenProblem.Kind.UNAVAILABLE, "tiktok-service unreachable: " + e.getMessage());
        }
    }

    /** Tells tiktok-service that TikTok refused even a fresh token; best effort, the attempt reports it anyway. */
    public void reportReconnectRequired(long accountId, long userId) {
        try (Response response = rest.reconnectRequired(accountId,
                new TikTokServiceRestClient.ReconnectRequest(userId))) {
            LOG.infof("reported account %d as needing reconnect: HTTP %d", accountId, response.getStatus());
        } catch (WebApplicationException e) {
            LOG.warnf("tiktok-service refused the reconnect report for account %d: HTTP %d", accountId,
                    e.getResponse().getStatus());
        } catch (RuntimeException e) {
            LOG.warnf("could not report account %d as needing reconnect: %s", accountId, e.getMessage());
        }
    }

    private AccessToken read(long accountId, Response response) {
        int status = response.getStatus();
        if (status == 200) {
            AccessToken token = response.readEntity(AccessToken.class);
            if (token == null || token.accessToken() == null || token.accessToken().isBlank()) {
                throw new TokenProblem(TokenProblem.Kind.UNAVAILABLE, "tiktok-service answered without a token");
            }
            return token;
        }
        if (status == 404) {
            throw new TokenProblem(TokenProblem.Kind.ACCOUNT_NOT_FOUND, "TikTok account " + accountId + " is unknown");
        }
        if (status == 409 && "reconnect_required".equals(problemCode(response))) {
            throw new TokenProblem(TokenProblem.Kind.RECONNECT_REQUIRED, "TikTok account needs reconnecting");
        }
        throw new TokenProblem(TokenProblem.Kind.UNAVAILABLE, "tiktok-service answered HTTP " + status);
    }

    private String problemCode(Response response) {
        try {
            String body = response.readEntity(String.class);
            JsonNode node = json.readTree(body == null ? "{}" : body);
            return node.path("code").asText(null);
        } catch (Exception e) {
            return null;
        }
    }
}
