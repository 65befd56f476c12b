package io.tiktimer.auth.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Some errors are answered by the framework itself with an empty body (an empty JSON body, an unsupported media type,
 * a method not allowed), bypassing the problem mappers. This gives each of them a problem+json body as well, so that
 * clients only ever have to parse one error format.
 */
public class ProblemResponseFilter {

    static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    private final ObjectMapper json;

    public ProblemResponseFilter(ObjectMapper json) {
        this.json = json;
    }

    @ServerResponseFilter
    public void ensureProblemBody(ContainerResponseContext response) throws JsonProcessingException {
        if (response.getStatus() < 400 || response.hasEntity()) {
            return;
        }
        Response.StatusType status = response.getStatusInfo();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("status", status.getStatusCode());
        problem.put("title", status.getReasonPhrase());
        response.setEntity(json.writeValueAsString(problem), null, PROBLEM_JSON);
    }
}
