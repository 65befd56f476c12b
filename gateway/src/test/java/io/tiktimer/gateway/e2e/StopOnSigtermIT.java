package io.tiktimer.gateway.e2e;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A service manager stops the run command with SIGTERM: nothing may be left running or listening. */
class StopOnSigtermIT {

    @Test
    void sigtermStopsEveryProcessAndFreesEveryPort() throws Exception {
        RunningStack stack = RunningStack.start();
        given().baseUri(stack.gateway()).when().get("/health").then().statusCode(200);
        List<ProcessHandle> children = stack.descendants();
        List<Integer> ports = stack.listeningPorts();

        int exit = stack.stop("TERM");

        assertThat(exit).isNotEqualTo(137);
        assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(RunningStack.anyListening(ports)).as("a port still listening after SIGTERM").isFalse();
    }
}
