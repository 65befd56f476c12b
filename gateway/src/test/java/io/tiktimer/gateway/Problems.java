package io.tiktimer.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The one error shape: application/problem+json with status, title, detail and instance. */
final class Problems {

    private Problems() {
    }

    static JsonNode assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.header("content-type")).as("content type of %s", answer)
                .startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("instance").asText()).startsWith("/");
        return problem;
    }
}
