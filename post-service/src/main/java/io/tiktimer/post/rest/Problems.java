package io.tiktimer.post.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;

/** The few problem+json shapes this service answers with. */
public final class Problems {
    private Problems() {
    }

    public static HttpProblem notFound(String what) {
        return HttpProblem.builder().withStatus(404).withTitle("Not Found").withDetail(what + " not found").build();
    }

    public static HttpProblem badRequest(String detail) {
        return HttpProblem.builder().withStatus(400).withTitle("Bad Request").withDetail(detail).build();
    }

    public static HttpProblem invalid(String field, String detail) {
        return HttpProblem.builder().withStatus(422).withTitle("Unprocessable Content").withDetail(detail)
                .with("field", field).build();
    }

    public static HttpProblem conflict(String detail) {
        return HttpProblem.builder().withStatus(409).withTitle("Conflict").withDetail(detail).build();
    }

    public static HttpProblem conflict(String code, String detail) {
        return HttpProblem.builder().withStatus(409).withTitle("Conflict").withDetail(detail).with("code", code).build();
    }
}
