package io.tiktimer.tiktok.rest;

import io.tiktimer.servicekit.problem.Problems;

/**
 * An empty body or JSON {@code null} where an operation takes an object cannot be read as its request: 400, like any
 * other unreadable body. {@code @NotNull} on the parameter would make it a 422 for a field without a name.
 */
final class RequiredBody {

    private RequiredBody() {
    }

    static <T> T of(T body) {
        if (body == null) {
            throw Problems.badRequest("The request body must be a JSON object");
        }
        return body;
    }
}
