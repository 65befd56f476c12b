package io.tiktimer.auth.rest;

import io.tiktimer.servicekit.problem.Problems;

/**
 * An absent JSON body is a request that cannot be read as what the operation takes (400), not a value that breaks a
 * rule (Bean Validation's {@code @NotNull} would answer 422).
 */
final class JsonBodies {

    private JsonBodies() {
    }

    static void require(Object body) {
        if (body == null) {
            throw Problems.badRequest("The request needs a JSON body");
        }
    }
}
