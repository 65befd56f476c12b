package io.tiktimer.servicekit.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.jackson.JacksonProblemModuleRegistrar;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Problems are written by quarkus-resteasy-problem's serializer, as configured in every service, plus the detail. */
class DetailFromViolationsTest {

    private final ObjectMapper mapper = configured();

    @Test
    void aProblemWithViolationsButNoDetailGetsOneNamingEachField() throws Exception {
        HttpProblem invalid = HttpProblem.builder().withStatus(422).withTitle("Unprocessable Content")
                .with("violations", List.of(
                        Map.of("field", "email", "in", "body", "message", "must be a well-formed email address"),
                        Map.of("field", "username", "in", "body", "message", "must not be blank")))
                .build();

        JsonNode written = mapper.readTree(mapper.writeValueAsString(invalid));

        assertThat(written.path("detail").asText())
                .isEqualTo("email: must be a well-formed email address; username: must not be blank");
        assertThat(written.path("status").asInt()).isEqualTo(422);
        assertThat(written.path("violations")).hasSize(2);
    }

    @Test
    void aDetailThatIsThereIsKept() throws Exception {
        HttpProblem conflict = Problems.conflict("post_queued", "The post is already queued");

        JsonNode written = mapper.readTree(mapper.writeValueAsString(conflict));

        assertThat(written.path("detail").asText()).isEqualTo("The post is already queued");
        assertThat(written.path("code").asText()).isEqualTo("post_queued");
    }

    private static ObjectMapper configured() {
        ObjectMapper mapper = new ObjectMapper();
        new JacksonProblemModuleRegistrar().customize(mapper);
        new DetailFromViolations().customize(mapper);
        return mapper;
    }
}
