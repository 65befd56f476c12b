package io.tiktimer.auth.rest;

import io.tiktimer.servicekit.problem.Problems;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Some errors are answered by the framework itself with an empty body (an unsupported media type, a method not
 * allowed), bypassing the problem mappers. This gives each of them the one problem+json shape as well, so that
 * clients only ever have to parse one error format.
 */
public class ProblemResponseFilter {

    static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    @ServerResponseFilter
    public void ensureProblemBody(ContainerResponseContext response) {
        if (response.getStatus() < 400 || response.hasEntity()) {
            return;
        }
        int status = response.getStatus();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("status", status);
        problem.put("title", Problems.title(status));
        problem.put("detail", FrameworkAnswers.detail(status));
        response.setEntity(problem, null, PROBLEM_JSON);
    }
}
