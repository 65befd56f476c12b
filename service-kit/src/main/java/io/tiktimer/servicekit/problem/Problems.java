package io.tiktimer.servicekit.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * The one error shape of every TikTimer service (RFC 9457, documented in docs/conventions.md): {@code status},
 * {@code title}, {@code detail}, {@code instance}, and where they apply {@code violations} (each {@code field},
 * {@code in}, {@code message}, the shape quarkus-resteasy-problem gives Bean Validation failures) and a machine-readable
 * {@code code}.
 *
 * <p>400 means the request could not be read as what the operation takes (syntax, encoding, a JSON type, a parameter
 * that is not a number, text the database cannot hold); 422 means it was read and a value breaks a rule.
 */
public final class Problems {

    /** Where a field at fault was sent, as quarkus-resteasy-problem names it for Bean Validation. */
    public enum In {
        BODY, QUERY, PATH, HEADER, FORM;

        String wireName() {
            return name().toLowerCase();
        }
    }

    private Problems() {
    }

    public static HttpProblem badRequest(String detail) {
        return problem(400, detail).build();
    }

    /** 400: the value of {@code field} could not be read. */
    public static HttpProblem unreadable(String field, In in, String message) {
        return withViolation(400, field, in, message).build();
    }

    /** 422: {@code field} (in the body) was read and breaks a rule. */
    public static HttpProblem invalid(String field, String message) {
        return invalid(field, In.BODY, message);
    }

    public static HttpProblem invalid(String field, In in, String message) {
        return withViolation(422, field, in, message).build();
    }

    public static HttpProblem notFound(String what) {
        return problem(404, what + " not found").build();
    }

    public static HttpProblem conflict(String detail) {
        return problem(409, detail).build();
    }

    public static HttpProblem conflict(String code, String detail) {
        return problem(409, detail).with("code", code).build();
    }

    /** A builder with status, title and detail set, for answers that add a {@code code} or headers. */
    public static HttpProblem.Builder problem(int status, String detail) {
        return HttpProblem.builder().withStatus(status).withTitle(title(status)).withDetail(detail);
    }

    private static HttpProblem.Builder withViolation(int status, String field, In in, String message) {
        return problem(status, field + ": " + message)
                .with("violations", List.of(Map.of("field", field, "in", in.wireName(), "message", message)));
    }

    /** Reason phrases, including the ones {@link Response.Status} lacks (422 among them). */
    public static String title(int status) {
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known == null ? "Error" : known.getReasonPhrase();
            }
        };
    }
}
